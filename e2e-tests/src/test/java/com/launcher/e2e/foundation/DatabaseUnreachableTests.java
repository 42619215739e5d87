package com.launcher.e2e.foundation;

import java.nio.file.Path;

import com.launcher.host.LauncherHostApplication;
import com.launcher.host.db.DatabaseUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unreachable external database ends start-up with one clear, typed failure. */
class DatabaseUnreachableTests {

	@TempDir
	Path data;

	@Test
	void startWhenDatabaseUnreachableThenFailsWithClearMessage() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(LauncherHostApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--launcher.data-dir=" + this.data,
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nowhere", "--spring.datasource.username=x",
				"--launcher.tasker.base-url=http://127.0.0.1:9", "--launcher.tasker.api-key=unused",
				"--launcher.security.jwt-secret=0123456789abcdef0123456789abcdef"))
			.satisfies((ex) -> {
				Throwable cause = ex;
				while (cause != null && !(cause instanceof DatabaseUnreachableException)) {
					cause = cause.getCause();
				}
				assertThat(cause).isInstanceOf(DatabaseUnreachableException.class)
					.hasMessageContaining("jdbc:postgresql://127.0.0.1:9/nowhere is unreachable");
			});
	}

}
