package com.launcher.agentgateway.architecture;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rule (STYLE.md, Layout; DESIGN §5): the domain knows no framework, SQL,
 * JSON or host; adapters depend on the domain and not on each other; only {@code config}
 * wires beans.
 */
class ArchitectureTests {

	private static final String ROOT = "com.launcher.agentgateway";

	private static final String[] DOMAIN = { ROOT + ".core..", ROOT + ".agent..", ROOT + ".token..", ROOT + ".grant..",
			ROOT + ".audit..", ROOT + ".policy..", ROOT + ".ratelimit..", ROOT + ".idempotency..", ROOT + ".budget.." };

	private static final String PERSISTENCE = ROOT + ".persistence..";

	private static final String WEB = ROOT + ".web..";

	private static final String MCP = ROOT + ".mcp..";

	private static final String HOST = ROOT + ".host..";

	private static final String TASKER = ROOT + ".tasker..";

	private static final String CONFIG = ROOT + ".config..";

	static {
		// Rules look at names and annotations only; resolving every library class from
		// the class path would cost seconds for nothing.
		ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
	}

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void domainWhenImportedThenNoFrameworkSqlJsonPluginOrHostTypes() {
		noClasses().that()
			.resideInAnyPackage(DOMAIN)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "javax.servlet..", "tools.jackson..",
					"com.fasterxml..", "org.pf4j..", "com.launcher.host..", "java.sql..", "javax.sql..",
					"io.modelcontextprotocol..", "org.apache.ibatis..", "liquibase..")
			.because("domain packages hold records, plain services and ports only (STYLE.md, Layout)")
			.check(CLASSES);
	}

	@Test
	void domainWhenImportedThenNoAdapterOrWiring() {
		noClasses().that()
			.resideInAnyPackage(DOMAIN)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(PERSISTENCE, WEB, MCP, HOST, TASKER, CONFIG)
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName(ROOT + ".AgentGatewayPlugin")
			.because("adapters depend on the domain, never the other way")
			.check(CLASSES);
	}

	@Test
	void persistenceWhenImportedThenNoOtherAdapter() {
		adapterIsolated(PERSISTENCE, WEB, MCP, HOST, TASKER);
	}

	@Test
	void webWhenImportedThenNoOtherAdapter() {
		// web talks to the host through host-extension-api (com.launcher.host.api), which
		// is allowed; the plugin's own host adapter is not.
		adapterIsolated(WEB, PERSISTENCE, MCP, HOST, TASKER);
	}

	@Test
	void hostWhenImportedThenNoOtherAdapter() {
		adapterIsolated(HOST, PERSISTENCE, WEB, MCP, TASKER);
	}

	@Test
	void taskerWhenImportedThenNoOtherAdapter() {
		adapterIsolated(TASKER, PERSISTENCE, WEB, MCP, HOST);
	}

	/**
	 * Known exception, kept visible rather than silently allowed: the MCP tools call
	 * {@code tasker.TaskerGateway} and its value types directly, because the domain has
	 * no port for Tasker work items yet. The rule still forbids every other adapter, and
	 * {@link #taskerWhenImportedThenNoOtherAdapter()} forbids the reverse edge.
	 */
	@Test
	void mcpWhenImportedThenNoOtherAdapterExceptTheKnownTaskerEdge() {
		adapterIsolated(MCP, PERSISTENCE, WEB, HOST);
	}

	@Test
	void configurationWhenDeclaredThenOnlyInConfigOrTheWebImportList() {
		classes().that()
			.areAnnotatedWith(Configuration.class)
			.or()
			.areAnnotatedWith(ComponentScan.class)
			.should()
			.resideInAPackage(CONFIG)
			.orShould()
			.haveFullyQualifiedName(ROOT + ".web.WebConfiguration")
			.because("beans are wired only in config (STYLE.md); WebConfiguration only lists the controllers")
			.check(CLASSES);
	}

	@Test
	void beanMethodsWhenDeclaredThenOnlyInConfig() {
		methods().that()
			.areAnnotatedWith(Bean.class)
			.should()
			.beDeclaredInClassesThat()
			.resideInAPackage(CONFIG)
			.check(CLASSES);
	}

	@Test
	void controllersWhenDeclaredThenOnlyAtTheEdges() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.resideInAnyPackage(WEB, MCP)
			.check(CLASSES);
	}

	private static void adapterIsolated(String adapter, String... others) {
		noClasses().that()
			.resideInAPackage(adapter)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage(CONFIG)
			.because("adapters depend on the domain, never on each other (STYLE.md, Layout)")
			.check(CLASSES);
	}

}
