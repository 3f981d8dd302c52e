package uk.interop.kb.backup;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.audit.AuditLog;
import uk.interop.kb.search.IndexMaintenance;
import uk.interop.kb.shared.StorageProperties;

/** Administrators back up the running app into {@code kb.backup-dir}: the database and an index snapshot. */
@Controller
class BackupController {

	private static final Logger log = LoggerFactory.getLogger(BackupController.class);

	private final DataSource dataSource;
	private final IndexMaintenance index;
	private final StorageProperties storage;
	private final AuditLog audit;
	private final Clock clock;

	BackupController(DataSource dataSource, IndexMaintenance index, StorageProperties storage, AuditLog audit, Clock clock) {
		this.dataSource = dataSource;
		this.index = index;
		this.storage = storage;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/admin/backup")
	String page(Model model) {
		model.addAttribute("backupDir", storage.backupDir().toAbsolutePath().normalize().toString());
		return "admin/backup";
	}

	@PostMapping("/admin/backup")
	String backup(@AuthenticationPrincipal KbUser admin, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Path written = Backups.whileRunning(dataSource, index, storage.backupDir(), clock);
			audit.record(admin.getUsername(), "BACKUP_CREATED", written.getFileName().toString(), null,
					request.getRemoteAddr());
			log.info("Backup written to {}", written.toAbsolutePath());
			redirect.addFlashAttribute("success", "Backup written to " + written.toAbsolutePath().normalize());
		}
		catch (Backups.BackupRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Backup failed", ex);
			redirect.addFlashAttribute("problem", "The backup failed. Nothing was changed; the reason is in the log.");
		}
		return "redirect:/admin/backup";
	}
}
