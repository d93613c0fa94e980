import { escapeHtml, formatText, Locale, LocalizedText } from '@app/core';

const SUBJECT: Record<'invitation' | 'reminder', LocalizedText> = {
  invitation: { kk: 'Сауалнамаға шақыру: {title}', ru: 'Приглашение к опросу: {title}', en: 'Invitation to a survey: {title}' },
  reminder: { kk: 'Еске салу: {title}', ru: 'Напоминание: {title}', en: 'Reminder: {title}' },
};

const BODY: Record<'invitation' | 'reminder', LocalizedText> = {
  invitation: {
    kk: 'Құрметті әріптес!\n\nСізді «{title}» сауалнамасына қатысуға шақырамыз. Жауап беру үшін мына сілтемені ашыңыз:\n\n{link}\n\nСілтеме тек сізге арналған, оны бір рет қолдануға болады және {deadline} дейін жарамды.\n\nЖауаптарыңыз анонимді: олар сіздің атыңызбен, электрондық поштаңызбен немесе жіберу уақытымен байланыстырылмайды, ал нәтижелер тек {minimum} адамнан кем емес топтар бойынша жарияланады.',
    ru: 'Уважаемый коллега!\n\nПриглашаем вас принять участие в опросе «{title}». Чтобы ответить, откройте ссылку:\n\n{link}\n\nСсылка предназначена только вам, действует один раз и до {deadline}.\n\nВаши ответы анонимны: они не связываются ни с вашим именем, ни с адресом, ни со временем отправки, а результаты публикуются только по группам не менее чем из {minimum} человек.',
    en: 'Dear colleague,\n\nYou are invited to take part in the survey "{title}". To answer, open this link:\n\n{link}\n\nThe link is for you alone, works once and until {deadline}.\n\nYour answers are anonymous: they are never linked to your name, your address or the time you answered, and results are published only for groups of at least {minimum} people.',
  },
  reminder: {
    kk: 'Құрметті әріптес!\n\n«{title}» сауалнамасы {deadline} аяқталады. Егер әлі жауап бермеген болсаңыз, мына сілтемені ашыңыз:\n\n{link}\n\nЖауап берген болсаңыз, бұл хатқа назар аудармаңыз: біз кімнің жауап бергенін көрмейміз.',
    ru: 'Уважаемый коллега!\n\nОпрос «{title}» завершается {deadline}. Если вы ещё не ответили, откройте ссылку:\n\n{link}\n\nЕсли вы уже ответили, не обращайте внимания на это письмо: мы не видим, кто ответил.',
    en: 'Dear colleague,\n\nThe survey "{title}" closes on {deadline}. If you have not answered yet, open this link:\n\n{link}\n\nIf you have answered, please ignore this message: we cannot see who has answered.',
  },
};

export interface InvitationMailInput {
  kind: 'invitation' | 'reminder';
  locale: Locale;
  title: LocalizedText;
  /** The token goes in the fragment (#…), which browsers never send to a server (ANONYMITY.md F). */
  link: string;
  deadline: Date;
  minimumGroup: number;
}

/** An invitation or reminder in the recipient's language, as plain text and HTML. */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string; html: string } {
  const params = {
    title: input.title[input.locale],
    link: input.link,
    deadline: input.deadline.toISOString().slice(0, 10),
    minimum: input.minimumGroup,
  };
  const text = formatText(BODY[input.kind][input.locale], params);
  const html = `<!doctype html><html lang="${input.locale}"><body>${escapeHtml(text)
    .split('\n\n')
    .map((paragraph) => (paragraph === escapeHtml(input.link) ? `<p><a href="${paragraph}">${paragraph}</a></p>` : `<p>${paragraph.replace(/\n/g, '<br>')}</p>`))
    .join('')}</body></html>`;
  return { subject: formatText(SUBJECT[input.kind][input.locale], params), text, html };
}
