package com.m365console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: one reactive server for the GraphQL API and the bundled SPA. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class M365ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(M365ConsoleApplication.class, args);
    }
}
