package com.xinfang.casefile.web;

import com.xinfang.casefile.Search;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.petition.Status;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 检索: full-text search of the matters in the caller's scope. */
@PageController
class SearchPage {

	private final Search search;

	private final Directory directory;

	SearchPage(Search search, Directory directory) {
		this.search = search;
		this.directory = directory;
	}

	@GetMapping("/console/search")
	String search(Search.Filter filter, Actor actor, Model model) {
		model.addAttribute("filter", filter);
		try {
			model.addAttribute("result", search.search(filter, actor));
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("result", new Search.Result(List.of(), false, List.of()));
		}
		model.addAttribute("statuses", Status.values());
		model.addAttribute("counties", directory.counties());
		model.addAttribute("categories", directory.categories());
		model.addAttribute("directory", directory);
		return "casefile/search";
	}

}
