package io.clientspace.file;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where clamd listens and how patiently it is asked. There is no switch to turn scanning off: without a reachable
 * clamd, staff files wait in quarantine and other uploads are refused, never let through unscanned (DD010).
 *
 * @param host          clamd's host (CLAMD_HOST)
 * @param port          clamd's TCP port (CLAMD_PORT)
 * @param timeout       connect and read timeout of one scan; a scan that takes longer counts as "unreachable"
 * @param retryInterval how often quarantined files are offered to clamd again
 */
@ConfigurationProperties("clientspace.antivirus")
public record AntivirusProperties(@DefaultValue("localhost") String host, @DefaultValue("3310") int port,
                                  @DefaultValue("30s") Duration timeout,
                                  @DefaultValue("PT1M") Duration retryInterval) {
}
