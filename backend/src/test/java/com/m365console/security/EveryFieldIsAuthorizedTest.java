package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

/** Guards the rule that no GraphQL field is served without saying who may read it. */
class EveryFieldIsAuthorizedTest {

    @Test
    void everyControllerMappingDeclaresItsAuthorization() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> mappings = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.m365console")) {
            Class<?> controller =
                    ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, SchemaMapping.class)
                        || AnnotatedElementUtils.hasAnnotation(method, BatchMapping.class)) {
                    String name = controller.getSimpleName() + "#" + method.getName();
                    mappings.add(name);
                    if (!method.isAnnotationPresent(PreAuthorize.class)) {
                        unguarded.add(name);
                    }
                }
            }
        }
        assertThat(mappings)
                .contains(
                        "MicrosoftSettingsController#updateMicrosoftSettings",
                        "UserController#me",
                        "MailboxHealthController#push");
        assertThat(unguarded).as("GraphQL mappings without @PreAuthorize").isEmpty();
    }
}
