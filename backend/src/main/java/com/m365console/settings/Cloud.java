package com.m365console.settings;

/** The Microsoft national clouds an application can be registered in, with the login host of each. */
public enum Cloud {
    GLOBAL("https://login.microsoftonline.com"),
    US_GOVERNMENT("https://login.microsoftonline.us"),
    CHINA("https://login.partner.microsoftonline.cn");

    private final String authorityHost;

    Cloud(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    public String authorityHost() {
        return authorityHost;
    }
}
