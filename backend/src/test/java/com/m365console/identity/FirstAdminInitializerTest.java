package com.m365console.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.SignInTestConfiguration;
import com.m365console.support.TestAccounts;
import com.m365console.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A fresh installation gets exactly one first administrator, configured or with a one-time password; that
 * password expires, is replaced by a new one at every start until the administrator chooses one, and then stops.
 * Each {@code run} below is what a start of the app does.
 */
@IntegrationTest
@Import(SignInTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminInitializerTest {

    private static final Pattern ONE_TIME = Pattern.compile("one-time password: (\\S+)");

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestClock clock;

    /** Where this test's output starts: the app's own start may have printed a password for an earlier test's admin. */
    int outputBefore;

    @BeforeEach
    void emptyDatabase(CapturedOutput output) {
        accounts.reset();
        clock.reset();
        outputBefore = output.getAll().length();
    }

    @Test
    void configuredPasswordCreatesAnAdminWhoCanSignInAtOnce(CapturedOutput output) {
        start("first-admin", "first-admin-password");

        sessions.graphQl("first-admin", "first-admin-password")
                .documentName("microsoftSettings")
                .execute()
                .path("microsoftSettings.redirectUri")
                .hasValue();
        assertThat(ownOutput(output))
                .contains("Created the first administrator 'first-admin' from configuration")
                .doesNotContain("first-admin-password")
                .doesNotContain("one-time password");
        start("first-admin", "first-admin-password");
        assertThat(ownOutput(output)).doesNotContain("one-time password");
    }

    @Test
    void withoutAPasswordAOneTimePasswordIsPrintedAndMustBeChanged(CapturedOutput output) {
        start("root", "");

        String password = single(oneTimePasswords(output));
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        sessions.graphQl("root", password)
                .documentName("me")
                .execute()
                .path("me.role")
                .entity(String.class)
                .isEqualTo("ADMIN")
                .path("me.mustChangePassword")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(users.count().block()).isEqualTo(1);
    }

    @Test
    void theOneTimePasswordExpiresAfterADay(CapturedOutput output) {
        start("root", "");
        String password = single(oneTimePasswords(output));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        sessions.anonymous().postLogin("root", password).expectStatus().isOk();
        clock.advance(Duration.ofSeconds(1));
        sessions.anonymous().postLogin("root", password).expectStatus().isUnauthorized();
    }

    @Test
    void theNextStartPrintsANewOneThatWorksAndTheOldOneStops(CapturedOutput output) {
        start("root", "");
        String first = single(oneTimePasswords(output));
        clock.advance(Duration.ofHours(30));

        start("root", "");

        List<String> printed = oneTimePasswords(output);
        assertThat(printed).hasSize(2).doesNotHaveDuplicates();
        assertThat(output.getAll()).contains("the previous one no longer works");
        sessions.anonymous().postLogin("root", first).expectStatus().isUnauthorized();
        sessions.graphQl("root", printed.get(1))
                .documentName("me")
                .execute()
                .path("me.mustChangePassword")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(users.count().block()).isEqualTo(1);
    }

    @Test
    void aStartBeforeExpiryAlsoReplacesIt(CapturedOutput output) {
        start("root", "");
        start("root", "");

        List<String> printed = oneTimePasswords(output);
        assertThat(printed).hasSize(2);
        sessions.anonymous().postLogin("root", printed.get(0)).expectStatus().isUnauthorized();
        sessions.anonymous().postLogin("root", printed.get(1)).expectStatus().isOk();
    }

    @Test
    void aChosenPasswordEndsTheOneTimeOneForGood(CapturedOutput output) {
        start("root", "");
        String oneTime = single(oneTimePasswords(output));

        sessions.graphQl("root", oneTime)
                .documentName("changePassword")
                .variable("input", Map.of("currentPassword", oneTime, "newPassword", "my-own-password-1"))
                .execute()
                .path("changePassword.errors")
                .entityList(Object.class)
                .hasSize(0);

        sessions.anonymous().postLogin("root", oneTime).expectStatus().isUnauthorized();
        start("root", "");
        clock.advance(Duration.ofDays(3));
        assertThat(oneTimePasswords(output)).hasSize(1);
        sessions.graphQl("root", "my-own-password-1")
                .documentName("me")
                .execute()
                .path("me.mustChangePassword")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void anExpiredOneTimePasswordCannotBeChangedFromASessionOpenedBefore(CapturedOutput output) {
        start("root", "");
        String oneTime = single(oneTimePasswords(output));
        var session = sessions.graphQl("root", oneTime);
        clock.advance(Duration.ofHours(25));

        session.documentName("changePassword")
                .variable("input", Map.of("currentPassword", oneTime, "newPassword", "my-own-password-1"))
                .execute()
                .path("changePassword.errors[0].code")
                .entity(String.class)
                .isEqualTo("WRONG_PASSWORD")
                .path("changePassword.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("expired"));
    }

    private void start(String username, String configuredPassword) {
        new FirstAdminInitializer(
                        users,
                        passwordEncoder,
                        new OneTimePasswords(clock, Duration.ofHours(24)),
                        username,
                        configuredPassword)
                .run(new DefaultApplicationArguments());
    }

    private String ownOutput(CapturedOutput output) {
        return output.getAll().substring(outputBefore);
    }

    private List<String> oneTimePasswords(CapturedOutput output) {
        Matcher matcher = ONE_TIME.matcher(ownOutput(output));
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String single(List<String> passwords) {
        assertThat(passwords).hasSize(1);
        return passwords.get(0);
    }
}
