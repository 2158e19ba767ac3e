package com.m365console.security;

import com.m365console.identity.ApiTokenService;
import com.m365console.mailbox.MailboxCallbackWebFilter;
import com.m365console.sync.GraphNotificationController;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.HttpStatusReturningServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Session sign-in for the SPA: JSON answers instead of redirects, CSRF token in a cookie the SPA echoes
 * in a header; Microsoft 365 sign-in; API tokens for tooling, which need no CSRF token. HTTP paths stay open because authorisation is decided per GraphQL field
 * ({@code @PreAuthorize} on every controller method).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            JsonSignInHandlers signInHandlers,
            Customizer<ServerHttpSecurity.OAuth2LoginSpec> microsoftSignIn,
            ApiTokenService apiTokens,
            MailboxCallbackWebFilter mailboxCallback,
            SignInThrottle signInThrottle,
            ServerCsrfTokenRepository csrfTokens,
            SecurityHeaders headers) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/graphiql", "/graphiql.html", "/graphql/schema")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                                CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedServerWebExchangeMatcher(ApiTokenAuthenticationFilter.BEARER_REQUEST),
                                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(
                                        HttpMethod.POST,
                                        GraphNotificationController.NOTIFICATIONS,
                                        GraphNotificationController.LIFECYCLE)))))
                .addFilterAt(new ApiTokenAuthenticationFilter(apiTokens), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(mailboxCallback, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
                .addFilterBefore(
                        new SignInThrottleWebFilter(signInThrottle, signInHandlers), SecurityWebFiltersOrder.FORM_LOGIN)
                .formLogin(form -> form.loginPage("/login")
                        .authenticationSuccessHandler(signInHandlers)
                        .authenticationFailureHandler(signInHandlers))
                .oauth2Login(microsoftSignIn)
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutHandler(new WebSessionServerLogoutHandler())
                        .logoutSuccessHandler(new HttpStatusReturningServerLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .headers(headers::configure)
                .anonymous(Customizer.withDefaults())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(pagesRedirectOthersGet401()))
                .build();
    }

    /** A browser opening a protected page goes to the sign-in page; an API client gets a plain 401. */
    private static ServerAuthenticationEntryPoint pagesRedirectOthersGet401() {
        var html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        var entryPoint =
                new DelegatingServerAuthenticationEntryPoint(new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        html, new RedirectServerAuthenticationEntryPoint("/login")));
        entryPoint.setDefaultEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED));
        return entryPoint;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new LengthCheckingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }
}
