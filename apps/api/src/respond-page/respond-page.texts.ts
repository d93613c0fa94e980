import type { Locale, LocalizedText } from '@app/core';

/**
 * Every text of the respondent page in kk, ru and en. The server renders the page in the
 * request's language; the browser receives all three (a JSON data block, not a script) so
 * that the language switch works without another request. `{name}` placeholders are
 * filled by respond.js from the campaign.
 */
export const RESPOND_TEXTS = {
  documentTitle: { kk: 'Сауалнама', ru: 'Опрос', en: 'Survey' },
  brand: {
    kk: 'Қазақстан Республикасының сот жүйесі',
    ru: 'Судебная система Республики Казахстан',
    en: 'Judiciary of the Republic of Kazakhstan',
  },
  skipToForm: { kk: 'Сауалнамаға өту', ru: 'Перейти к анкете', en: 'Skip to the form' },
  languageSwitch: { kk: 'Тілді таңдау', ru: 'Выбор языка', en: 'Choose language' },
  loading: { kk: 'Сауалнама жүктелуде…', ru: 'Анкета загружается…', en: 'Loading the form…' },
  deadline: { kk: 'Жауап беру мерзімі: {date}', ru: 'Ответить до: {date}', en: 'Please answer by {date}' },
  privacyHeading: { kk: 'Жауаптарыңыз қалай қорғалады', ru: 'Как защищены ваши ответы', en: 'How your answers are protected' },
  privacyStored: {
    kk: 'Тек жауаптарыңыз бен есептілікке арналған ірілендірілген топтар (мысалы, жас тобы, өңір) сақталады. Атыңыз, электрондық поштаңыз, IP мекенжайыңыз және жауап берген уақытыңыз сақталмайды.',
    ru: 'Сохраняются только ваши ответы и укрупнённые группы для отчётности (например, возрастная группа, регион). Ваше имя, адрес электронной почты, IP-адрес и время ответа не сохраняются.',
    en: 'Only your answers and coarse reporting groups (such as age band or region) are stored. Your name, e-mail address, IP address and the time you answered are not.',
  },
  privacyThreshold: {
    kk: 'Нәтижелер кемінде {count} адамнан тұратын топтар бойынша ғана жарияланады; еркін мәтінді жауаптар кемінде {freeText} адамнан тұратын топтар бойынша ғана көрсетіледі.',
    ru: 'Результаты публикуются только по группам не менее {count} человек; ответы в свободной форме показываются только по группам не менее {freeText} человек.',
    en: 'Results are published only for groups of at least {count} people; free-text answers only for groups of at least {freeText}.',
  },
  privacyPeer: {
    kk: 'Әріптестің нәтижесі оны кемінде {peer} судья бағалаған жағдайда ғана көрсетіледі, және кім бағалағаны ешқашан көрсетілмейді.',
    ru: 'Результат коллеги показывается, только если его оценили не менее {peer} судей, и никогда не показывается, кто именно оценивал.',
    en: 'A colleague sees a result only once at least {peer} judges have reviewed them, and never who reviewed them.',
  },
  privacyDraft: {
    kk: 'Аяқталмаған жауаптар тек осы браузерде сақталады және «Жіберу» батырмасын басқанға дейін ешқайда жіберілмейді.',
    ru: 'Незавершённые ответы хранятся только в этом браузере и никуда не отправляются, пока вы не нажмёте «Отправить».',
    en: 'Unfinished answers stay in this browser only and are sent nowhere until you press “Submit”.',
  },
  privacyLink: {
    kk: 'Шақыру сілтемесі жеке: оны ешкімге бермеңіз. Жауаптарды тек бір рет жіберуге болады.',
    ru: 'Ссылка из приглашения личная: не передавайте её никому. Ответить можно только один раз.',
    en: 'Your invitation link is personal: do not pass it on. You can submit your answers only once.',
  },
  submit: { kk: 'Жіберу', ru: 'Отправить', en: 'Submit' },
  sending: { kk: 'Жауаптар жіберілуде…', ru: 'Ответы отправляются…', en: 'Sending your answers…' },
  doneHeading: { kk: 'Рахмет! Жауаптарыңыз қабылданды.', ru: 'Спасибо! Ваши ответы приняты.', en: 'Thank you! Your answers have been recorded.' },
  doneDetail: {
    kk: 'Енді бұл бетті жабуға болады. Жауаптар сізбен байланыстырылмай сақталды.',
    ru: 'Теперь эту страницу можно закрыть. Ответы сохранены без связи с вами.',
    en: 'You can close this page now. Your answers were stored without any link to you.',
  },
  noToken: {
    kk: 'Сілтеме толық емес. Шақыру хатындағы сілтемені толығымен ашыңыз.',
    ru: 'Ссылка неполная. Откройте ссылку из письма-приглашения целиком.',
    en: 'The link is incomplete. Open the whole link from your invitation e-mail.',
  },
  networkError: {
    kk: 'Серверге қосылу мүмкін болмады. Интернет байланысын тексеріп, қайталап көріңіз. Жауаптарыңыз осы браузерде сақтаулы.',
    ru: 'Не удалось связаться с сервером. Проверьте подключение к интернету и повторите попытку. Ваши ответы сохранены в этом браузере.',
    en: 'The server could not be reached. Check your connection and try again. Your answers are kept in this browser.',
  },
  retry: { kk: 'Қайталау', ru: 'Повторить', en: 'Try again' },
  fixAnswers: {
    kk: 'Белгіленген сұрақтарды тексеріңіз.',
    ru: 'Проверьте отмеченные вопросы.',
    en: 'Please check the marked questions.',
  },
  peerHeading: { kk: 'Сізге бағалауға тағайындалған әріптестер', ru: 'Коллеги, которых вам предложено оценить', en: 'Colleagues assigned to you for review' },
  peerIntro: {
    kk: 'Әр әріптес үшін бір сауалнама толтырыңыз. Бағалауға негізіңіз болмаса, сұрақты бос қалдыруға болады. Барлық бағалау бірге жіберіледі.',
    ru: 'Заполните по одной анкете на каждого коллегу. Если у вас нет оснований для оценки, вопрос можно оставить пустым. Все оценки отправляются вместе.',
    en: 'Fill in one form per colleague. If you have no basis to judge, leave the question blank. All reviews are sent together.',
  },
  peerProgress: { kk: '{total} әріптестің {done} бағаланды', ru: 'Оценено {done} из {total}', en: '{done} of {total} reviewed' },
  peerTodo: { kk: 'толтырылмаған', ru: 'не заполнено', en: 'not filled in' },
  peerDone: { kk: 'дайын', ru: 'готово', en: 'done' },
  peerOpen: { kk: 'Бағалау', ru: 'Оценить', en: 'Review' },
  peerEdit: { kk: 'Өзгерту', ru: 'Изменить', en: 'Change' },
  peerSave: { kk: 'Бағалауды сақтау', ru: 'Сохранить оценку', en: 'Save this review' },
  peerBack: { kk: 'Тізімге оралу', ru: 'Вернуться к списку', en: 'Back to the list' },
  peerReviewing: { kk: 'Бағаланатын әріптес: {name}', ru: 'Вы оцениваете: {name}', en: 'You are reviewing: {name}' },
  peerSubmitAll: { kk: 'Барлық бағалауды жіберу', ru: 'Отправить все оценки', en: 'Submit all reviews' },
  peerIncomplete: {
    kk: 'Алдымен әр әріптестің сауалнамасын сақтаңыз.',
    ru: 'Сначала сохраните анкету по каждому коллеге.',
    en: 'Save the form for every colleague first.',
  },
  noScript: {
    kk: 'Сауалнамаға жауап беру үшін браузерде JavaScript қосулы болуы керек.',
    ru: 'Чтобы ответить на опрос, включите JavaScript в браузере.',
    en: 'To answer the survey, please turn on JavaScript in your browser.',
  },
} satisfies Record<string, LocalizedText>;

export type RespondTextKey = keyof typeof RESPOND_TEXTS;

/** The language names as each language writes itself, for the switch. */
export function respondText(key: RespondTextKey, locale: Locale): string {
  return RESPOND_TEXTS[key][locale];
}
