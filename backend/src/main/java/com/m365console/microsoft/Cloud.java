package com.m365console.microsoft;

/** The Microsoft national clouds an application can be registered in, with the hosts that differ per cloud. */
public enum Cloud {
    GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com"),
    US_GOVERNMENT("https://login.microsoftonline.us", "https://graph.microsoft.us"),
    CHINA("https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn");

    private final String authorityHost;
    private final String graphHost;

    Cloud(String authorityHost, String graphHost) {
        this.authorityHost = authorityHost;
        this.graphHost = graphHost;
    }

    public String authorityHost() {
        return authorityHost;
    }

    public String graphHost() {
        return graphHost;
    }
}
