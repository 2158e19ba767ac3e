package com.m365console.identity;

/** Schema input for {@code changePassword}. */
public record ChangePasswordInput(String currentPassword, String newPassword) {}
