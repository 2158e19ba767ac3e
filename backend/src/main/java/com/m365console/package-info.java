/**
 * The M365 console: packages by feature ({@code settings}, {@code identity}, {@code mailbox}, {@code sync},
 * {@code messages}, ...), each with its controller, service and repository, plus {@code platform} and
 * {@code security} for what every feature shares.
 *
 * <p>Where the GraphQL schema's types live in Java:
 * <ul>
 *   <li>Each schema {@code input} and each mutation payload ({@code XxxPayload}) is a public top-level record of
 *       its own file, named exactly as in the schema ({@code SendEmailInput.java} for {@code input SendEmailInput}),
 *       in the feature package that owns the schema file declaring it ({@code mailbox.graphqls} is
 *       {@code mailbox}'s). Never nested in a controller or a service, never a second Java type for one schema
 *       type.</li>
 *   <li>An input that other features' mutations take too stays in the feature that declares it, and they import
 *       it: {@code syncMailbox(input: MailboxIdInput!)} takes {@code mailbox.MailboxIdInput}.</li>
 *   <li>A payload's named factories ({@code refused(...)}, {@code of(...)}) sit in its record, package-private,
 *       for the feature's own service to use.</li>
 * </ul>
 */
package com.m365console;
