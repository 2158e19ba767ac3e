package com.m365console.mailbox;

/** Schema input {@code ConnectSharedMailboxWithAppPermissionInput}: the shared mailbox's address. */
record ConnectSharedMailboxWithAppPermissionInput(String address) {}
