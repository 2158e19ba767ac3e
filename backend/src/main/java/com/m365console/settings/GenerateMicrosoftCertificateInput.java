package com.m365console.settings;

/** Schema input for {@code generateMicrosoftCertificate}: how many months the new certificate is valid. */
public record GenerateMicrosoftCertificateInput(Integer validityMonths) {}
