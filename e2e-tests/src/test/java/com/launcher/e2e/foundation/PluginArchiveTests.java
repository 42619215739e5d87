package com.launcher.e2e.foundation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.launcher.e2e.LauncherCluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin zip's layout, and what it must never bundle. */
class PluginArchiveTests {

	private static final List<String> PROVIDED = List.of("host-extension-api", "spring-", "jakarta.servlet", "pf4j",
			"slf4j", "jackson-databind", "jackson-core", "jackson-annotations", "logback");

	@Test
	void libWhenPackagedThenBundlesNoProvidedJar() throws IOException {
		try (ZipFile zip = new ZipFile(LauncherCluster.pluginZip().toFile())) {
			List<String> libs = zip.stream()
				.map(ZipEntry::getName)
				.filter((n) -> n.startsWith("lib/") && n.endsWith(".jar"))
				.map((n) -> n.substring(4))
				.toList();
			assertThat(libs).isNotEmpty()
				.anyMatch((n) -> n.startsWith("liquibase-core-4.33"))
				.anyMatch((n) -> n.equals("mybatis-3.5.19.jar"))
				.anyMatch((n) -> n.equals("mybatis-spring-4.0.0.jar"))
				.anyMatch((n) -> n.startsWith("oauth2-oidc-sdk-11.30"))
				.anyMatch((n) -> n.startsWith("nimbus-jose-jwt-"))
				.anyMatch((n) -> n.startsWith("agent-gateway-migrations"))
				.anyMatch((n) -> n.startsWith("agent-gateway-admin-ui"));
			for (String forbidden : PROVIDED) {
				assertThat(libs).as("lib/ must not bundle %s", forbidden).noneMatch((n) -> n.startsWith(forbidden));
			}
		}
	}

	@Test
	void sbomWhenPackagedThenListsWhatLibBundlesAndNothingTheHostProvides() throws IOException {
		try (ZipFile zip = new ZipFile(LauncherCluster.pluginZip().toFile())) {
			String sbom = new String(zip.getInputStream(zip.getEntry("agent-gateway-sbom.json")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(sbom).contains("pkg:maven/org.mybatis/mybatis@3.5.19",
					"pkg:maven/org.mybatis/mybatis-spring@4.0.0", "pkg:maven/org.liquibase/liquibase-core@4.33.0",
					"pkg:maven/com.nimbusds/oauth2-oidc-sdk@11.30");
			assertThat(sbom).as("the host's Spring is never a component of the plugin")
				.doesNotContain("pkg:maven/org.springframework/");
		}
	}

	@Test
	void layoutWhenPackagedThenDescriptorAtRootAndClassesFolder() throws IOException {
		try (ZipFile zip = new ZipFile(LauncherCluster.pluginZip().toFile())) {
			ZipEntry descriptor = zip.getEntry("plugin-descriptor.properties");
			assertThat(descriptor).isNotNull();
			Properties properties = new Properties();
			properties.load(zip.getInputStream(descriptor));
			assertThat(properties.getProperty("plugin.id")).isEqualTo("agent-gateway");
			assertThat(properties.getProperty("plugin.class"))
				.isEqualTo("com.launcher.agentgateway.AgentGatewayPlugin");
			assertThat(properties.getProperty("plugin.requires")).isNotBlank();
			assertThat(zip.getEntry("classes/com/launcher/agentgateway/AgentGatewayPlugin.class")).isNotNull();
			assertThat(zip.getEntry("classes/META-INF/extensions.idx")).isNotNull();
			assertThat(zip.getEntry("agent-gateway-sbom.json")).isNotNull();
		}
	}

}
