package com.m365console.mailbox;

import com.m365console.microsoft.Cloud;
import com.m365console.settings.MicrosoftSettings;
import java.util.ArrayList;
import java.util.Arrays;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Tells Microsoft Settings which delegated permissions each transport needs, from the same scopes the connection
 * asks for, so the screen and the authorize request cannot disagree.
 */
@Controller
class MailPermissionsController {

    @SchemaMapping(typeName = "MicrosoftSettings")
    @PreAuthorize("hasRole('ADMIN')")
    Flux<MailTransportPermissions> mailPermissions(MicrosoftSettings settings) {
        Cloud cloud = settings.cloud().value();
        return Flux.fromStream(Arrays.stream(MailTransport.values()).map(transport -> {
            MailResource resource = transport.resource();
            var delegated = new ArrayList<>(resource.permissions());
            delegated.add("offline_access");
            return new MailTransportPermissions(
                    transport,
                    resource.host(cloud),
                    resource == MailResource.GRAPH ? "Microsoft Graph" : "Office 365 Exchange Online",
                    delegated,
                    resource.sharedPermissions());
        }));
    }
}
