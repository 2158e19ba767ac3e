package com.m365console.security;

import java.util.UUID;

/** The local account behind a request, however it signed in (password, Microsoft 365, API token). */
public interface SignedInAccount {

    UUID accountId();
}
