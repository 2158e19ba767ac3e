package com.m365console.platform.logging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Whether a document's fragments spread each other in a cycle. Such a document is invalid, but it is read
 * for secrets before validation, where following the cycle would never end.
 */
final class FragmentCycles {

    private FragmentCycles() {
    }

    static boolean present(Document document) {
        Map<String, Set<String>> spreads = new HashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            Set<String> names = new HashSet<>();
            collect(fragment.getSelectionSet(), names);
            spreads.put(fragment.getName(), names);
        }
        Set<String> done = new HashSet<>();
        for (String name : spreads.keySet()) {
            if (reachesItself(name, spreads, new HashSet<>(), done)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachesItself(String name, Map<String, Set<String>> spreads, Set<String> path,
            Set<String> done) {
        if (path.contains(name)) {
            return true;
        }
        if (done.contains(name)) {
            return false;
        }
        path.add(name);
        for (String next : spreads.getOrDefault(name, Set.of())) {
            if (reachesItself(next, spreads, path, done)) {
                return true;
            }
        }
        path.remove(name);
        done.add(name);
        return false;
    }

    private static void collect(SelectionSet selections, Set<String> names) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof FragmentSpread spread) {
                names.add(spread.getName());
            }
            else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), names);
            }
            else if (selection instanceof Field field) {
                collect(field.getSelectionSet(), names);
            }
        }
    }
}
