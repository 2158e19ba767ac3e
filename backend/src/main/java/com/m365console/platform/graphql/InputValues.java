package com.m365console.platform.graphql;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInputValueDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;

/**
 * Walks a field's coerced argument values together with their schema definitions, so a rule can be decided
 * by the schema (a directive on the argument or input field) for every text value, however it was sent.
 */
public final class InputValues {

    /** Told about each text value, with the argument or input field that holds it and its dotted path. */
    @FunctionalInterface
    public interface TextVisitor {
        /** Return false to stop the walk. */
        boolean visit(GraphQLInputValueDefinition definition, String path, String text);
    }

    private InputValues() {}

    /** False when the visitor stopped the walk. */
    public static boolean walk(List<GraphQLArgument> arguments, Map<String, Object> values, TextVisitor visitor) {
        for (GraphQLArgument argument : arguments) {
            if (!walk(argument, argument.getType(), values.get(argument.getName()), argument.getName(), visitor)) {
                return false;
            }
        }
        return true;
    }

    private static boolean walk(
            GraphQLInputValueDefinition definition, GraphQLType type, Object value, String path, TextVisitor visitor) {
        if (value == null) {
            return true;
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (!walk(definition, list.getWrappedType(), items.get(i), path + "[" + i + "]", visitor)) {
                    return false;
                }
            }
            return true;
        }
        if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (!walk(field, field.getType(), fields.get(field.getName()), path + "." + field.getName(), visitor)) {
                    return false;
                }
            }
            return true;
        }
        return !(unwrapped instanceof GraphQLInputType && value instanceof String text)
                || visitor.visit(definition, path, text);
    }
}
