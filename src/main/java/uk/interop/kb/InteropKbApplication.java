package uk.interop.kb;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import uk.interop.kb.system.Commands;

/**
 * Runs the web app, or one of the commands: {@code validate [DIR]} checks a content tree
 * without starting anything; {@code reindex} rebuilds the index from its sources of truth.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InteropKbApplication {

	public static void main(String[] args) {
		if (args.length > 0 && Commands.NAMES.contains(args[0])) {
			System.exit(Commands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(InteropKbApplication.class, args);
	}
}
