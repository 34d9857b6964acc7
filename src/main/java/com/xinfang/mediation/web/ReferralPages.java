package com.xinfang.mediation.web;

import com.xinfang.identity.Actor;
import com.xinfang.mediation.Disputes;
import com.xinfang.mediation.Organisations;
import com.xinfang.petition.MediationReferrals;
import com.xinfang.petition.PetitionViews;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 访调结合、调解先行: from a petition's case page the handling unit sends the matter to mediation (a
 * form in the console's look, and the same act in the JSON API).
 */
@PageController
class ReferralPages {

	private final Disputes disputes;

	private final Organisations organisations;

	private final MediationReferrals referrals;

	ReferralPages(Disputes disputes, Organisations organisations, MediationReferrals referrals) {
		this.disputes = disputes;
		this.organisations = organisations;
		this.referrals = referrals;
	}

	record ReferralForm(String typeCode, String regionCode, String respondentName, Long orgId, String facts, Integer version) {
	}

	@GetMapping("/console/petitions/{number}/mediation")
	String form(@PathVariable String number, Actor actor, Model model) {
		var p = referrals.checkReferable(number, actor);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ReferralForm(null, p.regionCode(), null, null, null, p.version()));
		}
		return page(p, model);
	}

	@PostMapping("/console/petitions/{number}/mediation")
	String refer(@PathVariable String number, ReferralForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			var d = disputes.referFromPetition(number,
					new Disputes.Referral(form.typeCode(), form.regionCode(), form.respondentName(), form.orgId(), form.facts(), form.version()),
					actor);
			redirect.addFlashAttribute("flash", "已转" + d.orgName() + "调解，纠纷编号" + d.number());
			return "redirect:/console/petitions/" + number;
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("form", form);
			model.addAttribute("problems", ex.problems());
			return page(referrals.checkReferable(number, actor), model);
		}
		catch (DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
			return "redirect:/console/petitions/" + number;
		}
	}

	private String page(PetitionViews.PetitionView p, Model model) {
		model.addAttribute("p", p);
		model.addAttribute("types", disputes.types());
		String county = p.regionCode() == null ? "43" : p.regionCode().substring(0, Math.min(6, p.regionCode().length()));
		model.addAttribute("organisations", organisations.directory(county, null));
		return "mediation/refer";
	}

}
