package uk.interop.kb.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** A relative folder setting means the same, absolute path to the app, to H2 and to the commands. */
class AbsoluteStoragePathsTests {

	@Test
	void relativeFoldersBecomeAbsoluteAndTheDatabaseUrlFollows() {
		MockEnvironment environment = new MockEnvironment().withProperty("kb.data-dir", "data-10000")
			.withProperty("kb.index-dir", "target/../index-10000").withProperty("kb.content-dir", "/srv/kb/content")
			.withProperty("spring.datasource.url", "jdbc:h2:file:${kb.data-dir}/interop-kb;WRITE_DELAY=0");

		new AbsoluteStoragePaths().postProcessEnvironment(environment, new SpringApplication());

		Path working = Path.of("").toAbsolutePath();
		assertThat(environment.getProperty("kb.data-dir")).isEqualTo(working.resolve("data-10000").toString());
		assertThat(environment.getProperty("kb.index-dir")).isEqualTo(working.resolve("index-10000").toString());
		assertThat(environment.getProperty("kb.content-dir")).isEqualTo("/srv/kb/content");
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:h2:file:" + working.resolve("data-10000") + "/interop-kb;WRITE_DELAY=0");
	}

	@Test
	void unsetFoldersStayUnset() {
		MockEnvironment environment = new MockEnvironment();

		new AbsoluteStoragePaths().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("kb.backup-dir")).isNull();
		assertThat(environment.getPropertySources().contains(AbsoluteStoragePaths.SOURCE)).isFalse();
	}
}
