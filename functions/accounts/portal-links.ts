// The provider portal's addresses that mails link to, in Dutch and English (the portal's pages
// are /beheer/ and /en/manage/). An invitation's token travels in the fragment, which a browser
// never sends to a server, so it reaches no access log.
export interface LinkPair {
  nl: string;
  en: string;
}

export function portalHome(siteUrl: string): LinkPair {
  return { nl: `${siteUrl}/beheer/`, en: `${siteUrl}/en/manage/` };
}

/** The client supporters' portal (issue 14), where a supporter opens their dossiers. */
export function supporterPortalHome(siteUrl: string): LinkPair {
  return { nl: `${siteUrl}/ondersteuner/`, en: `${siteUrl}/en/supporter/` };
}

export function invitationLinks(siteUrl: string, token: string): LinkPair {
  const fragment = `#token=${encodeURIComponent(token)}`;
  return { nl: `${siteUrl}/beheer/uitnodiging${fragment}`, en: `${siteUrl}/en/manage/invitation${fragment}` };
}

