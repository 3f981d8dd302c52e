package uk.interop.kb.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages behind "Editor" and "Admin" in the header: every page of that area in one list, so the header
 * needs one link per area however many pages an area has. The security chain decides who may open them.
 */
@Controller
class AreasController {

	@GetMapping("/editor")
	String editor() {
		return "areas/editor";
	}

	@GetMapping("/admin")
	String admin() {
		return "areas/admin";
	}
}
