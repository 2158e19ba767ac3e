package com.m365console.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The schema's DateTime: RFC 3339 as graphql-java-extended-scalars reads it, limited to the years 1 to 9999
 * on input. Java accepts years up to 999,999,999, PostgreSQL only up to 294,276: beyond that a date was a
 * database error (INTERNAL_ERROR) instead of the validation error it now is.
 */
final class BoundedDateTime {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    static final GraphQLScalarType SCALAR = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
            .coercing(new Bounded(ExtendedScalars.DateTime.getCoercing()))
            .build();

    private BoundedDateTime() {}

    @SuppressWarnings("unchecked")
    private record Bounded(Coercing<?, ?> delegate) implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return ((Coercing<Object, Object>) delegate).serialize(value, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            Object value = ((Coercing<Object, Object>) delegate).parseValue(input, context, locale);
            if (!inRange(value)) {
                throw new CoercingParseValueException(outOfRange());
            }
            return value;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Object value = ((Coercing<Object, Object>) delegate).parseLiteral(input, variables, context, locale);
            if (!inRange(value)) {
                throw new CoercingParseLiteralException(outOfRange());
            }
            return value;
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return ((Coercing<Object, Object>) delegate).valueToLiteral(input, context, locale);
        }

        private static boolean inRange(Object value) {
            return !(value instanceof OffsetDateTime time)
                    || time.getYear() >= FIRST_YEAR && time.getYear() <= LAST_YEAR;
        }

        private static String outOfRange() {
            return "A DateTime must lie between the years " + FIRST_YEAR + " and " + LAST_YEAR;
        }
    }
}
