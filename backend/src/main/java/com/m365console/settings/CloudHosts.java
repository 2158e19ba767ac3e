package com.m365console.settings;

import com.m365console.microsoft.Cloud;

/** The hosts the app talks to in one cloud, as this deployment uses them (configured overrides included). */
public record CloudHosts(Cloud cloud, String login, String imap, String smtp, String graph) {}
