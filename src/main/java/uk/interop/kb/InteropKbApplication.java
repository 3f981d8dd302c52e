package uk.interop.kb;

import java.util.Arrays;

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
		if (args.length > 0 && Commands.NAMES.contains(args[0])) {
			System.exit(Commands.run(InteropKbApplication.class, args[0], Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(InteropKbApplication.class, args);
	}
}
