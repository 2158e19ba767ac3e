package com.m365console.identity;

import java.util.UUID;

/** Schema input for {@code changeUserRole}. */
public record ChangeUserRoleInput(UUID userId, Role role) {}
