package com.m365console.settings;

/** Schema input for {@code uploadMicrosoftCertificate}: a PEM private key (secret) and its PEM certificate. */
public record UploadMicrosoftCertificateInput(String privateKeyPem, String certificatePem) {

    @Override
    public String toString() {
        return "UploadMicrosoftCertificateInput[privateKeyPem=[secret], certificatePem=" + certificatePem + "]";
    }
}
