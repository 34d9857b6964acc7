import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 12345 inbound orders at a fixed rate (open loop: latency is measured from when each order was
 * due, so a slow server cannot hide behind a slow driver), and the webhooks those orders cause,
 * received by this driver acting as the hotline: how many arrive, and how long after the order.
 *
 *   java bench/ExchangeBench.java --url http://127.0.0.1:18180 --key demo-12345-key --rate 200 \
 *        --seconds 60 --warmup 10 --receiver-port 18199 --out bench/results/exchange.jsonl
 */
public class ExchangeBench {

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new java.util.HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String url = a.getOrDefault("url", "http://127.0.0.1:18180");
		if (!url.startsWith("http://127.0.0.1") && !url.startsWith("http://localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		String key = a.getOrDefault("key", "demo-12345-key");
		int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
		int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
		int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
		int receiverPort = Integer.parseInt(a.getOrDefault("receiver-port", "18199"));
		String out = a.get("out");
		String run = Long.toString(System.currentTimeMillis(), 36);

		// the hotline's receiver: first arrival of each event id, and when
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		Map<String, Long> deliveredLag = new ConcurrentHashMap<>();
		AtomicInteger webhookRequests = new AtomicInteger();
		Pattern external = Pattern.compile("\"externalId\":\"([^\"]+)\"");
		Pattern eventId = Pattern.compile("\"eventId\":\"([^\"]+)\"");
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 200);
		receiver.setExecutor(Executors.newFixedThreadPool(4));
		receiver.createContext("/hook", ex -> {
			long now = System.nanoTime();
			String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			webhookRequests.incrementAndGet();
			Matcher m = external.matcher(body);
			Matcher e = eventId.matcher(body);
			if (m.find() && e.find() && body.contains("\"type\":\"REGISTERED\"")) {
				Long sent = sentAt.get(m.group(1));
				if (sent != null) {
					deliveredLag.putIfAbsent(e.group(1), (now - sent) / 1_000_000);
				}
			}
			ex.sendResponseHeaders(200, 2);
			ex.getResponseBody().write("ok".getBytes());
			ex.close();
		});
		receiver.start();

		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
		// JIT warm-up, closed loop (4 senders), not measured: a cold JVM is not what a hotline meets
		int jit = Integer.parseInt(a.getOrDefault("jit-warmup", "20"));
		long jitEnd = System.nanoTime() + jit * 1_000_000_000L;
		var jitPool = Executors.newFixedThreadPool(4);
		AtomicInteger jitCount = new AtomicInteger();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			jitPool.submit(() -> {
				while (System.nanoTime() < jitEnd) {
					int n = jitCount.incrementAndGet();
					String body = "{\"orderId\":\"JIT-" + run + "-" + thread + "-" + n + "\",\"receivedAt\":\""
							+ OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0)
							+ "\",\"caller\":{\"name\":\"预热\"},\"request\":{\"content\":\"预热工单\"},\"place\":{\"regionCode\":\"430702\"}}";
					try {
						http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/exchange/partner/12345/orders"))
							.header("Content-Type", "application/json").header("X-Api-Key", key)
							.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
								HttpResponse.BodyHandlers.discarding());
					}
					catch (Exception ex) {
						// not measured
					}
				}
				return null;
			});
		}
		jitPool.shutdown();
		jitPool.awaitTermination(jit + 60, java.util.concurrent.TimeUnit.SECONDS);
		Thread.sleep(3000);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger measured = new AtomicInteger();
		long total = (long) rate * (seconds + warmup);
		CountDownLatch done = new CountDownLatch((int) total);
		long start = System.nanoTime();
		long periodNs = 1_000_000_000L / rate;
		for (long i = 0; i < total; i++) {
			long due = start + i * periodNs;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			boolean inWindow = i >= (long) rate * warmup;
			String orderId = "BENCH-" + run + "-" + i;
			String body = "{\"orderId\":\"" + orderId + "\",\"receivedAt\":\""
					+ OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0) + "\","
					+ "\"caller\":{\"name\":\"压测来电人\",\"phone\":\"139" + String.format("%08d", i % 100_000_000) + "\"},"
					+ "\"request\":{\"title\":\"噪音扰民\",\"content\":\"小区旁工地夜间施工噪音扰民，请求依法处理。压测工单 " + i + "\"},"
					+ "\"category\":\"ENV\",\"place\":{\"regionCode\":\"" + (i % 2 == 0 ? "430702" : "430703") + "\"},\"urgency\":\"NORMAL\"}";
			sentAt.put(orderId, due);
			HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/api/v1/exchange/partner/12345/orders"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("X-Api-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, err) -> {
				long ms = (System.nanoTime() - due) / 1_000_000;
				int code = err != null ? -1 : r.statusCode();
				if (inWindow) {
					latencies.add(ms);
					measured.incrementAndGet();
					statuses.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
				}
				done.countDown();
			});
		}
		long sendEnd = System.nanoTime();
		done.await(60, java.util.concurrent.TimeUnit.SECONDS);
		double elapsed = (sendEnd - start) / 1e9;
		// deliveries: wait until every created order's first event has arrived (or 60 s)
		int created = statuses.getOrDefault(201, new AtomicInteger()).get();
		long waitStart = System.nanoTime();
		int allOrders = (int) total; // JIT warm-up orders' webhooks are not counted (their ids are not in sentAt)
		while (deliveredLag.size() < allOrders && System.nanoTime() - waitStart < 60_000_000_000L) {
			Thread.sleep(200);
		}
		long drainedAfterMs = (System.nanoTime() - sendEnd) / 1_000_000;
		receiver.stop(0);
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		List<Long> lags = new ArrayList<>(deliveredLag.values());
		Collections.sort(lags);
		String line = String.format(java.util.Locale.ROOT,
				"{\"time\":\"%s\",\"rate\":%d,\"seconds\":%d,\"warmupS\":%d,\"measured\":%d,\"created\":%d,\"statuses\":%s,"
						+ "\"achievedPerS\":%.1f,\"p50Ms\":%d,\"p90Ms\":%d,\"p99Ms\":%d,\"maxMs\":%d,"
						+ "\"ordersSent\":%d,\"webhooksFirstDelivered\":%d,\"webhookRequests\":%d,\"deliveryLagP50Ms\":%d,"
						+ "\"deliveryLagP99Ms\":%d,\"deliveryLagMaxMs\":%d,\"allDeliveredWithinMsAfterLastOrder\":%s}",
				OffsetDateTime.now(ZoneOffset.UTC).withNano(0), rate, seconds, warmup, measured.get(), created, statuses,
				allOrders / elapsed, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 100), allOrders,
				deliveredLag.size(), webhookRequests.get(), pct(lags, 50), pct(lags, 99), pct(lags, 100),
				deliveredLag.size() >= allOrders ? Long.toString(drainedAfterMs) : "null");
		System.out.println(line);
		if (out != null) {
			Files.writeString(Path.of(out), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		System.exit(0);
	}

	static long pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return -1;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
	}

}
