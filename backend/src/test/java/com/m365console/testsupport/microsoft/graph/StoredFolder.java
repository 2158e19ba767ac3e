package com.m365console.testsupport.microsoft.graph;

/** A mail folder of a fake mailbox; {@code wellKnownName} is null for folders the user made. */
record StoredFolder(String id, String parentId, String displayName, String wellKnownName, boolean hidden) {}
