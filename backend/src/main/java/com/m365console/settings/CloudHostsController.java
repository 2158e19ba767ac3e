package com.m365console.settings;

import com.m365console.mail.MailHosts;
import com.m365console.microsoft.Cloud;
import com.m365console.microsoft.MicrosoftEndpoints;
import java.util.Arrays;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Shows on Microsoft Settings which login, IMAP, SMTP and Graph hosts each Cloud choice implies. */
@Controller
class CloudHostsController {

    private final MicrosoftEndpoints endpoints;
    private final MailHosts mailHosts;

    CloudHostsController(MicrosoftEndpoints endpoints, MailHosts mailHosts) {
        this.endpoints = endpoints;
        this.mailHosts = mailHosts;
    }

    @SchemaMapping(typeName = "MicrosoftSettings")
    @PreAuthorize("hasRole('ADMIN')")
    Flux<CloudHosts> cloudHosts() {
        return Flux.fromStream(Arrays.stream(Cloud.values())
                .map(cloud -> new CloudHosts(
                        cloud,
                        endpoints.authorityHost(cloud),
                        mailHosts.imap(cloud).hostAndPort(),
                        mailHosts.smtp(cloud).hostAndPort(),
                        endpoints.graphHost(cloud))));
    }
}
