package com.m365console.identity;

/** Schema input for {@code createUser}. */
public record CreateUserInput(String username, String displayName, String email, String password, Role role) {}
