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

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule (STYLE.md, Layout; DESIGN §5): the domain knows no framework, SQL,
 * JSON, servlet, MCP or host type and has no package cycles; adapters depend on the
 * domain and not on each other; only {@code config} wires beans. ArchUnit 1.5 sees types
 * named only in a {@code catch} clause, which 1.4 did not.
 */
class ArchitectureTests {

	private static final String ROOT = "com.launcher.agentgateway";

	private static final String[] DOMAIN = { ROOT + ".core..", ROOT + ".agent..", ROOT + ".token..", ROOT + ".grant..",
			ROOT + ".audit..", ROOT + ".policy..", ROOT + ".ratelimit..", ROOT + ".idempotency..", ROOT + ".workitem..",
			ROOT + ".call..", ROOT + ".oauth..", ROOT + ".budget..", ROOT + ".readmodel.." };

	private static final String PERSISTENCE = ROOT + ".persistence..";

	private static final String WEB = ROOT + ".web..";

	private static final String MCP = ROOT + ".mcp..";

	private static final String HOST = ROOT + ".host..";

	private static final String TASKER = ROOT + ".tasker..";

	private static final String OBSERVE = ROOT + ".observe..";

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
	void domainWhenImportedThenNoFrameworkSqlJsonServletMcpHtmlOrHostTypes() {
		noClasses().that()
			.resideInAnyPackage(DOMAIN)
			.should()
			.dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta..", "javax.servlet..",
					"tools.jackson..", "com.fasterxml..", "org.pf4j..", "com.launcher.host..", "java.sql..",
					"javax.sql..", "io.modelcontextprotocol..", "org.apache.ibatis..", "org.mybatis..", "liquibase..",
					"com.networknt..", "org.owasp..", "org.commonmark..", "reactor..", "io.micrometer..",
					"io.opentelemetry.."))
			.because("domain packages hold records, plain services and ports only (STYLE.md, Layout)")
			.check(CLASSES);
	}

	@Test
	void domainWhenImportedThenNoAdapterOrWiring() {
		noClasses().that()
			.resideInAnyPackage(DOMAIN)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(PERSISTENCE, WEB, MCP, HOST, TASKER, OBSERVE, CONFIG)
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName(ROOT + ".AgentGatewayPlugin")
			.because("adapters depend on the domain, never the other way")
			.check(CLASSES);
	}

	@Test
	void domainPackagesWhenSlicedThenFreeOfCycles() {
		slices().matching(ROOT + ".(*)..")
			.should()
			.beFreeOfCycles()
			.because("a cycle between domain packages makes them one package in two folders")
			.check(CLASSES.that(resideInAnyPackage(DOMAIN)));
	}

	@Test
	void pluginPackagesWhenSlicedThenFreeOfCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void persistenceWhenImportedThenNoOtherAdapter() {
		adapterIsolated(PERSISTENCE, WEB, MCP, HOST, TASKER, OBSERVE);
	}

	@Test
	void webWhenImportedThenNoOtherAdapter() {
		// web talks to the host through host-extension-api (com.launcher.host.api), which
		// is allowed; the plugin's own host adapter is not.
		adapterIsolated(WEB, PERSISTENCE, MCP, HOST, TASKER, OBSERVE);
	}

	@Test
	void hostWhenImportedThenNoOtherAdapter() {
		adapterIsolated(HOST, PERSISTENCE, WEB, MCP, TASKER, OBSERVE);
	}

	@Test
	void taskerWhenImportedThenNoOtherAdapter() {
		adapterIsolated(TASKER, PERSISTENCE, WEB, MCP, HOST, OBSERVE);
	}

	@Test
	void mcpWhenImportedThenNoOtherAdapter() {
		// The tools reach Tasker through the domain port workitem.WorkItems only.
		adapterIsolated(MCP, PERSISTENCE, WEB, HOST, TASKER, OBSERVE);
	}

	@Test
	void observeWhenImportedThenNoOtherAdapter() {
		// Metrics and health wrap the domain's ports and the host contract's types only.
		adapterIsolated(OBSERVE, PERSISTENCE, WEB, MCP, HOST, TASKER);
	}

	@Test
	void mcpWhenImportedThenNoHostTaskerTypes() {
		noClasses().that()
			.resideInAPackage(MCP)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.launcher.host.api.tasker..")
			.because("tools see Tasker only as the domain's work items, so a read model can serve them")
			.check(CLASSES);
	}

	@Test
	void configurationWhenDeclaredThenOnlyInConfig() {
		classes().that()
			.areAnnotatedWith(Configuration.class)
			.or()
			.areAnnotatedWith(ComponentScan.class)
			.should()
			.resideInAPackage(CONFIG)
			.because("beans are wired only in config (STYLE.md)")
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
