package com.m365console.testsupport.dovecot;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(DovecotInstalled.class)}: runs a test class only where Dovecot is installed, reporting it
 * skipped with the reason otherwise, and failing it instead when {@code DOVECOT_REQUIRED=true} (CI).
 */
public final class DovecotInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return DovecotServer.missing()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("Dovecot is installed"));
    }
}
