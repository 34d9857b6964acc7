package com.xinfang.publicity.web;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import com.xinfang.publicity.ActivityKind;
import com.xinfang.publicity.Ledger;
import com.xinfang.publicity.PublicityAccess;
import com.xinfang.publicity.PublicityFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The publicity ledger in the console: activities, photos, training attendance, the two task lists. */
@PageController
class LedgerPages {

	private final Ledger ledger;

	private final PublicityFigures figures;

	private final PublicityAccess access;

	private final Directory directory;

	private final Clock clock;

	LedgerPages(Ledger ledger, PublicityFigures figures, PublicityAccess access, Directory directory, Clock clock) {
		this.ledger = ledger;
		this.figures = figures;
		this.access = access;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/console/publicity/ledger")
	String ledger(@RequestParam(required = false) Integer year, @RequestParam(required = false) String county, Actor actor, Model model) {
		int y = year == null ? LocalDate.now(clock.withZone(BeijingTime.ZONE)).getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("county", county);
		model.addAttribute("activities", ledger.activities(actor, y, county));
		model.addAttribute("tasks", ledger.tasks(y, actor));
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("lists", Ledger.TaskList.values());
		model.addAttribute("counties", directory.counties());
		model.addAttribute("units", directory.units());
		model.addAttribute("directory", directory);
		model.addAttribute("bureau", access.isBureau(actor));
		PublicityAccess.ResultScope s = access.resultScope(actor);
		model.addAttribute("figures", s.all() || s.regionPrefix() != null ? figures.year(y, s.regionPrefix()) : null);
		model.addAttribute("today", LocalDate.now(clock.withZone(BeijingTime.ZONE)));
		return "publicity/ledger";
	}

	@PostMapping("/console/publicity/activities")
	String record(@RequestParam(required = false) ActivityKind kind, @RequestParam String title, @RequestParam String countyCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, @RequestParam String place,
			@RequestParam(required = false) Integer materials, @RequestParam(required = false) Integer attendees,
			@RequestParam(required = false) Integer answered, @RequestParam(required = false) String note, Actor actor,
			RedirectAttributes redirect) {
		try {
			long id = ledger.record(new Ledger.ActivityForm(kind, title, countyCode, heldOn, place, materials, attendees, answered, note), actor);
			redirect.addFlashAttribute("flash", "活动已登记");
			return "redirect:/console/publicity/activities/" + id;
		}
		catch (DomainException.Invalid ex) {
			redirect.addFlashAttribute("ledgerProblems", ex.problems());
			return "redirect:/console/publicity/ledger";
		}
	}

	@GetMapping("/console/publicity/activities/{id}")
	String activity(@PathVariable long id, Actor actor, Model model) {
		Ledger.Activity a = ledger.activity(id, actor);
		model.addAttribute("activity", a);
		model.addAttribute("photos", ledger.photoIds(id, actor));
		model.addAttribute("attendance", a.kind() == ActivityKind.TRAINING ? ledger.attendance(id, actor) : List.of());
		model.addAttribute("directory", directory);
		return "publicity/activity";
	}

	@PostMapping("/console/publicity/activities/{id}/photos")
	String photo(@PathVariable long id, @RequestParam("photo") MultipartFile photo, Actor actor, RedirectAttributes redirect) {
		try {
			ledger.addPhoto(id, photo.getBytes(), actor);
			redirect.addFlashAttribute("flash", "照片已上传");
		}
		catch (DomainException.Invalid ex) {
			redirect.addFlashAttribute("photoProblems", ex.problems());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/console/publicity/activities/" + id;
	}

	@GetMapping("/console/publicity/activities/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Actor actor) {
		Ledger.Photo p = ledger.photo(id, photoId, actor);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).cacheControl(CacheControl.noCache()).body(p.bytes());
	}

	@PostMapping("/console/publicity/activities/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam(name = "present", required = false) List<Long> present, Actor actor,
			RedirectAttributes redirect) {
		ledger.setAttendance(id, present == null ? List.of() : present, actor);
		redirect.addFlashAttribute("flash", "签到已保存");
		return "redirect:/console/publicity/activities/" + id;
	}

	@PostMapping("/console/publicity/tasks")
	String addTask(@RequestParam(required = false) Ledger.TaskList list, @RequestParam int year, @RequestParam String title,
			@RequestParam(required = false) String ownerUnit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Actor actor,
			RedirectAttributes redirect) {
		try {
			ledger.addTask(list, year, title, ownerUnit, deadline, actor);
			redirect.addFlashAttribute("flash", "任务已加入清单");
		}
		catch (DomainException.Invalid ex) {
			redirect.addFlashAttribute("taskProblems", ex.problems());
		}
		return "redirect:/console/publicity/ledger?year=" + year;
	}

	@PostMapping("/console/publicity/tasks/{id}/done")
	String done(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note, Actor actor,
			RedirectAttributes redirect) {
		try {
			ledger.reportDone(id, version, note, actor);
			redirect.addFlashAttribute("flash", "已报告完成");
		}
		catch (DomainException.Invalid ex) {
			redirect.addFlashAttribute("taskProblems", ex.problems());
		}
		return "redirect:/console/publicity/ledger";
	}

}
