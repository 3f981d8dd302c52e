package uk.interop.kb;

import java.util.OptionalInt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import uk.interop.kb.cli.Commands;

/**
 * Runs the web app, or one of the commands in {@link Commands}: {@code validate [DIR]},
 * {@code reindex}, {@code backup DIR} and {@code restore DIR}. Each feature is a module, one
 * package below this one (see {@code docs/architecture.md}); {@code ModularityTests} keeps them to
 * the dependencies each {@code package-info.java} declares.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InteropKbApplication {

	public static void main(String[] args) {
		OptionalInt command = Commands.dispatch(InteropKbApplication.class, args, System.out);
		if (command.isPresent()) {
			System.exit(command.getAsInt());
		}
		SpringApplication.run(InteropKbApplication.class, args);
	}
}
