/** Module feed-poller: see its pom description. */
package newsroom.feedpoller;
