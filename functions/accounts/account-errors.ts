// The refusals of the sign-in, whatever calls it (the staff API maps each to one HTTP answer in
// functions/api/errors.ts). Their messages are shown to people: Dutch first, English after.

/** A code that is wrong, expired, used or never sent: answered at the `code` field. */
export class SignInCodeError extends Error {
  static wrong(triesLeft: number): SignInCodeError {
    if (triesLeft <= 0) {
      return new SignInCodeError('Deze code klopt niet. Vraag een nieuwe code aan. / This code is not right. Ask for a new code.', 0);
    }
    const nl = triesLeft === 1 ? 'U kunt het nog 1 keer proberen.' : `U kunt het nog ${triesLeft} keer proberen.`;
    const en = triesLeft === 1 ? '1 try left.' : `${triesLeft} tries left.`;
    return new SignInCodeError(`Deze code klopt niet. ${nl} / This code is not right. ${en}`, triesLeft);
  }

  static unusable(): SignInCodeError {
    return new SignInCodeError(
      'Deze code is verlopen of al gebruikt. Vraag een nieuwe code aan. / This code has expired or was used already. Ask for a new code.',
      undefined,
    );
  }

  private constructor(
    message: string,
    /** Tries left for this code; undefined when the code cannot be used at all. */
    readonly triesLeft: number | undefined,
  ) {
    super(message);
    this.name = 'SignInCodeError';
  }
}

/** Too many requests of one kind: a 429, with when to try again when that is known. */
export class TooManyRequestsError extends Error {
  static wait(retryAfterSeconds: number): TooManyRequestsError {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    // A wait until the day's end reads in hours; "over 900 minuten" means nothing at a glance.
    const hours = Math.ceil(minutes / 60);
    const [nl, en] = minutes > 90
      ? [`over ${hours} uur`, `in ${hours} hours`]
      : minutes === 1 ? ['over 1 minuut', 'in 1 minute'] : [`over ${minutes} minuten`, `in ${minutes} minutes`];
    return new TooManyRequestsError(
      `U heeft dit te vaak geprobeerd. Probeer het ${nl} opnieuw. / You tried this too often. Try again ${en}.`,
      retryAfterSeconds,
    );
  }

  static tooManyTries(): TooManyRequestsError {
    return new TooManyRequestsError(
      'U heeft te vaak een verkeerde code ingevuld. Vraag een nieuwe code aan. / Too many wrong codes. Ask for a new code.',
      undefined,
    );
  }

  private constructor(
    message: string,
    /** Seconds until a new try can succeed; undefined when waiting does not help (ask a new code). */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

/** An invitation that cannot be sent or accepted; each kind is one HTTP answer (functions/api/errors.ts). */
export class InvitationError extends Error {
  /** Expired, withdrawn, used, or never made: the link cannot be told apart, and need not be. */
  static unusable(): InvitationError {
    return new InvitationError(
      'unusable',
      'Deze uitnodiging is verlopen, ingetrokken of al gebruikt. Vraag om een nieuwe uitnodiging. ' +
        '/ This invitation has expired, was withdrawn or was used already. Ask for a new invitation.',
    );
  }

  static otherAddress(): InvitationError {
    return new InvitationError(
      'other-address',
      'Deze uitnodiging is voor een ander e-mailadres dan waarmee u bent ingelogd. Log uit en open de link opnieuw. ' +
        '/ This invitation is for another email address than the one you are signed in with. Sign out and open the link again.',
    );
  }

  static alreadyMember(): InvitationError {
    return new InvitationError(
      'already-member',
      'Deze persoon heeft deze rol al bij deze organisatie. / This person already has this role at this organisation.',
    );
  }

  private constructor(
    readonly kind: 'unusable' | 'other-address' | 'already-member',
    message: string,
  ) {
    super(message);
    this.name = 'InvitationError';
  }
}

/** A passkey registration or sign-in that is refused; each kind is one HTTP answer with its own code (functions/api/errors.ts). */
export class PasskeyError extends Error {
  /** The challenge answered is unknown, expired, used already, or for another session or purpose. */
  static challengeUnusable(): PasskeyError {
    return new PasskeyError(
      'challenge-unusable',
      'Deze poging is verlopen of al gebruikt. Probeer het opnieuw. / This attempt has expired or was used already. Try again.',
    );
  }

  static unknownCredential(): PasskeyError {
    return new PasskeyError(
      'unknown-credential',
      'Deze passkey kennen we niet. Log in met een code per e-mail. / We do not know this passkey. Sign in with a code by email.',
    );
  }

  /** The answer did not verify: another origin, no user verification, a bad signature. */
  static notVerified(): PasskeyError {
    return new PasskeyError(
      'not-verified',
      'De passkey kon niet worden gecontroleerd. Probeer het opnieuw of log in met een code per e-mail. ' +
        '/ The passkey could not be verified. Try again or sign in with a code by email.',
    );
  }

  /** The authenticator's counter did not go up: a copy of the passkey may be in use elsewhere. */
  static counterWentBack(): PasskeyError {
    return new PasskeyError(
      'counter',
      'Deze passkey lijkt gekopieerd en wordt daarom geweigerd. Log in met een code per e-mail en verwijder de passkey. ' +
        '/ This passkey appears to be copied and is refused. Sign in with a code by email and remove the passkey.',
    );
  }

  static alreadyRegistered(): PasskeyError {
    return new PasskeyError('already-registered', 'Deze passkey is al ingesteld. / This passkey is set up already.');
  }

  private constructor(
    readonly kind: 'challenge-unusable' | 'unknown-credential' | 'not-verified' | 'counter' | 'already-registered',
    message: string,
  ) {
    super(message);
    this.name = 'PasskeyError';
  }
}
