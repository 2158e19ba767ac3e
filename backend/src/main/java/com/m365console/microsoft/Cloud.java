package com.m365console.microsoft;

/** The Microsoft national clouds an application can be registered in, with the hosts that differ per cloud. */
public enum Cloud {
    GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://outlook.office.com"),
    US_GOVERNMENT("https://login.microsoftonline.us", "https://graph.microsoft.us", "https://outlook.office365.us"),
    CHINA(
            "https://login.partner.microsoftonline.cn",
            "https://microsoftgraph.chinacloudapi.cn",
            "https://partner.outlook.cn");

    private final String authorityHost;
    private final String graphHost;
    private final String outlookResource;

    Cloud(String authorityHost, String graphHost, String outlookResource) {
        this.authorityHost = authorityHost;
        this.graphHost = graphHost;
        this.outlookResource = outlookResource;
    }

    /** The resource whose IMAP.AccessAsUser.All and SMTP.Send scopes mailbox tokens carry. */
    public String outlookResource() {
        return outlookResource;
    }

    public String authorityHost() {
        return authorityHost;
    }

    public String graphHost() {
        return graphHost;
    }
}
