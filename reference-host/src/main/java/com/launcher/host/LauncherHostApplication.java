package com.launcher.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reference Launcher host: loads plugins through plain PF4J, each into a child Spring
 * context whose parent is this application's context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LauncherHostApplication {

	public static void main(String[] args) {
		SpringApplication.run(LauncherHostApplication.class, args);
	}

}
