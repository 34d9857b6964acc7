package com.xinfang.casefile.web;

import com.xinfang.casefile.ClassCases;
import com.xinfang.casefile.CollectiveMatters;
import com.xinfang.casefile.DuplicateScore;
import com.xinfang.casefile.Duplicates;
import com.xinfang.casefile.Highlight;
import com.xinfang.casefile.PersonFiles;
import com.xinfang.identity.Actor;
import com.xinfang.petition.Action;
import com.xinfang.petition.PetitionActions;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.Status;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The case page's "possible duplicates" panel and the registrar's side-by-side comparison. */
@PageController
class DuplicatePages {

	private final Duplicates duplicates;

	private final PetitionQueries queries;

	private final PetitionActions actions;

	private final CollectiveMatters collective;

	private final PersonFiles persons;

	private final ClassCases classes;

	DuplicatePages(Duplicates duplicates, PetitionQueries queries, PetitionActions actions, CollectiveMatters collective,
			PersonFiles persons, ClassCases classes) {
		this.classes = classes;
		this.persons = persons;
		this.duplicates = duplicates;
		this.queries = queries;
		this.actions = actions;
		this.collective = collective;
	}

	/** Loaded by htmx into the case page: matters that may be the same as this one. */
	@GetMapping("/console/petitions/{number}/duplicates")
	String panel(@PathVariable String number, Actor actor, Model model) {
		requireStaff(actor);
		var p = queries.find(number, actor); // 404 outside the scope
		model.addAttribute("number", p.number());
		model.addAttribute("people", p.identityProtected() ? List.of() : p.petitioners());
		model.addAttribute("matches", duplicates.forPetition(number, actor, 8)
			.stream()
			.filter(m -> m.score() >= DuplicateScore.THRESHOLD || m.sameIdentity())
			.toList());
		model.addAttribute("group", collective.of(number).orElse(null));
		model.addAttribute("classCase", classes.ofMatter(number, actor).orElse(null));
		model.addAttribute("threshold", DuplicateScore.THRESHOLD);
		return "casefile/duplicates :: panel";
	}

	@GetMapping("/console/duplicates/compare")
	String compare(@RequestParam String number, @RequestParam String original, Actor actor, Model model) {
		requireStaff(actor);
		var repeat = queries.find(number, actor);
		var earlier = queries.find(original, actor);
		var match = duplicates.compare(number, original, actor)
			.orElseThrow(() -> new DomainException.NotFound("无法比对这两件信访事项"));
		model.addAttribute("repeat", repeat);
		model.addAttribute("original", earlier);
		model.addAttribute("match", match);
		model.addAttribute("threshold", DuplicateScore.THRESHOLD);
		// title and content apart, each as written (full-width punctuation, line breaks); shared words marked
		var terms = Highlight.sharedTerms(repeat.title() + "\n" + repeat.content(), earlier.title() + "\n" + earlier.content());
		model.addAttribute("repeatTitle", Highlight.terms(repeat.title(), terms));
		model.addAttribute("repeatText", Highlight.terms(repeat.content(), terms));
		model.addAttribute("originalTitle", Highlight.terms(earlier.title(), terms));
		model.addAttribute("originalText", Highlight.terms(earlier.content(), terms));
		model.addAttribute("mayMerge", actions.allowed(number, actor).contains(Action.MERGE)
				&& earlier.status() != Status.MERGED);
		return "casefile/compare";
	}

	/** 一人一档: every matter of one petitioner of this matter. */
	@GetMapping("/console/petitions/{number}/person/{seq}")
	String person(@PathVariable String number, @PathVariable int seq, Actor actor, Model model) {
		model.addAttribute("file", persons.of(number, seq, actor));
		model.addAttribute("from", number);
		return "casefile/person";
	}

	static void requireStaff(Actor actor) {
		if (!actor.isStaff()) {
			throw new DomainException.Forbidden("仅工作人员可以查看");
		}
	}

}
