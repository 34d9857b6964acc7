package com.xinfang.analytics.web;

import com.xinfang.analytics.Indicators;
import com.xinfang.identity.CurrentActor;
import com.xinfang.organization.Directory;
import com.xinfang.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console navigation whether to offer 统计分析 to the person logged in. */
@ControllerAdvice(annotations = PageController.class)
class StatsNavAdvice {

	private final Directory directory;

	StatsNavAdvice(Directory directory) {
		this.directory = directory;
	}

	@ModelAttribute
	void statsVisible(Model model) {
		model.addAttribute("statsVisible",
				CurrentActor.get().map(a -> Indicators.maySee(a, directory)).orElse(false));
	}

}
