package com.xinfang.console;

import com.xinfang.petition.Lifecycle;
import com.xinfang.petition.LifecycleDiagram;
import com.xinfang.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The legal transition table, as the code enforces it, for administrators and trainers. */
@PageController
class LifecyclePage {

	@GetMapping("/admin/lifecycle")
	String lifecycle(Model model) {
		model.addAttribute("svg", LifecycleDiagram.svg());
		model.addAttribute("table", Lifecycle.TABLE);
		return "admin/lifecycle";
	}

}
