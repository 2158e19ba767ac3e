package com.m365console.identity;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh installation gets exactly one first administrator, configured or with a one-time password. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminInitializerTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void emptyDatabase() {
        accounts.reset();
    }

    @Test
    void configuredPasswordCreatesAnAdminWhoCanSignInAtOnce(CapturedOutput output) {
        new FirstAdminInitializer(users, passwordEncoder, "first-admin", "first-admin-password")
                .run(new DefaultApplicationArguments());

        sessions.graphQl("first-admin", "first-admin-password").documentName("microsoftSettings").execute()
                .path("microsoftSettings.redirectUri").hasValue();
        assertThat(output.getAll()).contains("Created the first administrator 'first-admin' from configuration")
                .doesNotContain("first-admin-password");
    }

    @Test
    void withoutAPasswordAOneTimePasswordIsPrintedOnceAndMustBeChanged(CapturedOutput output) {
        var initializer = new FirstAdminInitializer(users, passwordEncoder, "root", "");
        initializer.run(new DefaultApplicationArguments());
        initializer.run(new DefaultApplicationArguments());

        String log = output.getAll();
        String marker = "one-time password: ";
        assertThat(log.split(java.util.regex.Pattern.quote(marker), -1)).hasSize(2);
        String password = log.substring(log.indexOf(marker) + marker.length()).split("\\s")[0];
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);

        sessions.graphQl("root", password).documentName("me").execute()
                .path("me.role").entity(String.class).isEqualTo("ADMIN")
                .path("me.mustChangePassword").entity(Boolean.class).isEqualTo(true);
        assertThat(users.count().block()).isEqualTo(1);
    }
}
