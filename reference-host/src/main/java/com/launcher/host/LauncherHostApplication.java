package com.launcher.host;

import org.mybatis.spring.boot.autoconfigure.MybatisAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reference Launcher host: loads plugins through plain PF4J, each into a child Spring
 * context whose parent is this application's context.
 */
// The host makes its own MyBatis session factory (db.MybatisConfiguration): the starter's
// would be a default candidate in every plugin's parent context.
@SpringBootApplication(exclude = MybatisAutoConfiguration.class)
@ConfigurationPropertiesScan
public class LauncherHostApplication {

	public static void main(String[] args) {
		SpringApplication.run(LauncherHostApplication.class, args);
	}

}
