package com.xinfang.platform;

import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may scrape {@code /actuator/prometheus}: loopback and the private networks where a Prometheus
 * server runs (RFC 1918, IPv6 ULA). Metrics name no person but reveal volumes; not for the internet.
 */
public final class InternalNetworks {

	private static final List<IpAddressMatcher> NETWORKS = List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8",
			"172.16.0.0/12", "192.168.0.0/16", "fc00::/7").stream().map(IpAddressMatcher::new).toList();

	private InternalNetworks() {
	}

	public static boolean contains(String remoteAddress) {
		if (remoteAddress == null) {
			return false;
		}
		return NETWORKS.stream().anyMatch(m -> {
			try {
				return m.matches(remoteAddress);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		});
	}

}
