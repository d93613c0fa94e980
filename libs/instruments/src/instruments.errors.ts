import { DomainError, FieldProblem, formatText, LocalizedText } from '@app/core';

export enum InstrumentsErrorCode {
  InstrumentNotFound = 'instruments.instrument-not-found',
  VersionNotFound = 'instruments.version-not-found',
  InvalidDefinition = 'instruments.invalid-definition',
  InvalidAnswers = 'instruments.invalid-answers',
  VersionLocked = 'instruments.version-locked',
  KindNotEditableByRole = 'instruments.kind-not-editable-by-role',
}

/**
 * Why a definition or a set of answers was refused, one code per rule. Problems carry the
 * code as `constraint`, so the api words the reason in the reader's language; the English
 * template is also the problem's `reason`.
 */
export enum ProblemCode {
  // definitions
  NotAnObject = 'not-an-object',
  PagesMissing = 'pages-missing',
  ElementsMissing = 'elements-missing',
  TextMissing = 'text-missing',
  TranslationMissing = 'translation-missing',
  UnsupportedType = 'unsupported-type',
  UnknownProperty = 'unknown-property',
  ForbiddenProperty = 'forbidden-property',
  WrongPropertyType = 'wrong-property-type',
  InvalidName = 'invalid-name',
  DuplicateName = 'duplicate-name',
  DimensionMissing = 'dimension-missing',
  DimensionUnknown = 'dimension-unknown',
  ReverseNotRating = 'reverse-not-rating',
  RatingScaleMissing = 'rating-scale-missing',
  RatingScaleInvalid = 'rating-scale-invalid',
  ChoicesMissing = 'choices-missing',
  ChoiceValueInvalid = 'choice-value-invalid',
  ChoiceValueDuplicate = 'choice-value-duplicate',
  MaxLengthMissing = 'max-length-missing',
  MaxLengthInvalid = 'max-length-invalid',
  InputTypeUnsupported = 'input-type-unsupported',
  ConditionInvalid = 'condition-invalid',
  ConditionUnknownQuestion = 'condition-unknown-question',
  SurveyJsError = 'surveyjs-error',
  TooManyQuestions = 'too-many-questions',
  // spreadsheet import
  FileUnreadable = 'file-unreadable',
  SheetMissing = 'sheet-missing',
  OutsideGroup = 'outside-group',
  UnknownChoiceList = 'unknown-choice-list',
  // answers
  AnswersNotAnObject = 'answers-not-an-object',
  UnknownQuestion = 'unknown-question',
  NotShown = 'not-shown',
  ExpectedNumber = 'expected-number',
  ExpectedText = 'expected-text',
  ExpectedBoolean = 'expected-boolean',
  ExpectedList = 'expected-list',
  OutOfRange = 'out-of-range',
  NotAChoice = 'not-a-choice',
  DuplicateChoice = 'duplicate-choice',
  TooManyChoices = 'too-many-choices',
  TooLong = 'too-long',
  Required = 'required',
  Invalid = 'invalid',
}

const REASONS: Record<ProblemCode, LocalizedText> = {
  [ProblemCode.NotAnObject]: {
    kk: 'JSON нысаны болуы керек',
    ru: 'должно быть объектом JSON',
    en: 'must be a JSON object',
  },
  [ProblemCode.PagesMissing]: {
    kk: '«pages» тізімінде кемінде бір бет болуы керек',
    ru: 'список «pages» должен содержать хотя бы одну страницу',
    en: 'must list at least one page in "pages"',
  },
  [ProblemCode.ElementsMissing]: {
    kk: '«elements» тізімінде кемінде бір сұрақ болуы керек',
    ru: 'список «elements» должен содержать хотя бы один вопрос',
    en: 'must list at least one question in "elements"',
  },
  [ProblemCode.TextMissing]: {
    kk: 'қазақ, орыс және ағылшын тілдеріндегі мәтін қажет',
    ru: 'нужен текст на казахском, русском и английском языках',
    en: 'needs a text in Kazakh, Russian and English',
  },
  [ProblemCode.TranslationMissing]: {
    kk: '«{locale}» тіліндегі мәтін жоқ',
    ru: 'нет текста на языке «{locale}»',
    en: 'has no text in language "{locale}"',
  },
  [ProblemCode.UnsupportedType]: {
    kk: '«{type}» сұрақ түріне қолдау көрсетілмейді; мыналардың бірін алыңыз: {supported}',
    ru: 'тип вопроса «{type}» не поддерживается; используйте один из: {supported}',
    en: 'question type "{type}" is not supported; use one of: {supported}',
  },
  [ProblemCode.UnknownProperty]: {
    kk: '«{property}» деген белгісіз қасиет бар',
    ru: 'неизвестное свойство «{property}»',
    en: 'has the unknown property "{property}"',
  },
  [ProblemCode.ForbiddenProperty]: {
    kk: '«{property}» қасиетін біздің сауалнамаларда қолдануға болмайды (docs/instruments.md қараңыз)',
    ru: 'свойство «{property}» в наших анкетах не допускается (см. docs/instruments.md)',
    en: '"{property}" is not allowed in our questionnaires (see docs/instruments.md)',
  },
  [ProblemCode.WrongPropertyType]: {
    kk: '«{property}» мәні {expected} түрінде болуы керек',
    ru: 'значение «{property}» должно иметь тип {expected}',
    en: '"{property}" must be of type {expected}',
  },
  [ProblemCode.InvalidName]: {
    kk: 'атау кіші латын әрпінен басталып, кіші латын әріптерінен, цифрлардан және «_» таңбасынан тұруы керек (ең көбі 63 таңба)',
    ru: 'имя должно начинаться со строчной латинской буквы и состоять из строчных латинских букв, цифр и «_» (не более 63 символов)',
    en: 'the name must start with a lowercase Latin letter and contain only lowercase Latin letters, digits and "_" (at most 63 characters)',
  },
  [ProblemCode.DuplicateName]: {
    kk: '«{name}» атауы бірнеше рет қолданылған',
    ru: 'имя «{name}» использовано более одного раза',
    en: 'the name "{name}" is used more than once',
  },
  [ProblemCode.DimensionMissing]: {
    kk: 'есеп беру үшін «dimension» (өлшем) көрсетілуі керек',
    ru: 'для отчётности нужно указать «dimension» (измерение)',
    en: 'needs a "dimension" so that reporting knows what it measures',
  },
  [ProblemCode.DimensionUnknown]: {
    kk: '«{dimension}» деген өлшем жоқ; мыналардың бірін алыңыз: {known}',
    ru: 'измерения «{dimension}» нет; используйте одно из: {known}',
    en: '"{dimension}" is not a known dimension; use one of: {known}',
  },
  [ProblemCode.ReverseNotRating]: {
    kk: '«reverse» тек рейтинг сұрақтарына қолданылады',
    ru: '«reverse» применяется только к вопросам-шкалам (rating)',
    en: '"reverse" applies to rating questions only',
  },
  [ProblemCode.RatingScaleMissing]: {
    kk: 'рейтинг сұрағында rateMin мен rateMax немесе rateValues көрсетілуі керек',
    ru: 'у вопроса-шкалы должны быть указаны rateMin и rateMax либо rateValues',
    en: 'a rating question must declare rateMin and rateMax, or rateValues',
  },
  [ProblemCode.RatingScaleInvalid]: {
    kk: 'шкалада бүтін сан мәндері бар {min}–{max} балл болуы керек',
    ru: 'шкала должна иметь от {min} до {max} баллов с целочисленными значениями',
    en: 'the scale must have {min} to {max} points with whole-number values',
  },
  [ProblemCode.ChoicesMissing]: {
    kk: 'кемінде екі жауап нұсқасы болуы керек',
    ru: 'нужно не менее двух вариантов ответа',
    en: 'needs at least two choices',
  },
  [ProblemCode.ChoiceValueInvalid]: {
    kk: 'мәні бүтін сан немесе машиналық код (кіші латын әріптері, цифрлар, «_», «-») болуы керек',
    ru: 'значение должно быть целым числом или машинным кодом (строчные латинские буквы, цифры, «_», «-»)',
    en: 'the value must be a whole number or a machine-safe code (lowercase Latin letters, digits, "_", "-")',
  },
  [ProblemCode.ChoiceValueDuplicate]: {
    kk: '«{value}» мәні бірнеше рет кездеседі',
    ru: 'значение «{value}» встречается более одного раза',
    en: 'the value "{value}" occurs more than once',
  },
  [ProblemCode.MaxLengthMissing]: {
    kk: 'еркін жауап сұрағында «maxLength» (ең көбі {max}) көрсетілуі керек',
    ru: 'у вопроса со свободным ответом должен быть указан «maxLength» (не более {max})',
    en: 'a free-text question needs "maxLength" (at most {max})',
  },
  [ProblemCode.MaxLengthInvalid]: {
    kk: '1-ден {max}-ге дейінгі бүтін сан болуы керек',
    ru: 'должно быть целым числом от 1 до {max}',
    en: 'must be a whole number from 1 to {max}',
  },
  [ProblemCode.InputTypeUnsupported]: {
    kk: 'text сұрағы тек еркін мәтін қабылдайды; «{inputType}» inputType түріне қолдау көрсетілмейді',
    ru: 'вопрос text принимает только свободный текст; inputType «{inputType}» не поддерживается',
    en: 'text questions take free text only; inputType "{inputType}" is not supported',
  },
  [ProblemCode.ConditionInvalid]: {
    kk: 'шарт дұрыс жазылмаған',
    ru: 'условие записано неверно',
    en: 'is not a valid condition',
  },
  [ProblemCode.ConditionUnknownQuestion]: {
    kk: 'шарт осы сауалнамада жоқ «{name}» сұрағына сілтейді',
    ru: 'условие ссылается на вопрос «{name}», которого нет в этой анкете',
    en: 'the condition refers to "{name}", which is not a question of this questionnaire',
  },
  [ProblemCode.SurveyJsError]: {
    kk: 'SurveyJS анықтаманы оқи алмады: {message}',
    ru: 'SurveyJS не смог прочитать определение: {message}',
    en: 'SurveyJS could not read the definition: {message}',
  },
  [ProblemCode.TooManyQuestions]: {
    kk: 'сұрақтар тым көп: ең көбі {max}',
    ru: 'слишком много вопросов: не более {max}',
    en: 'too many questions: at most {max}',
  },
  [ProblemCode.FileUnreadable]: {
    kk: 'файл .xlsx кітабы ретінде оқылмады',
    ru: 'файл не читается как книга .xlsx',
    en: 'the file cannot be read as an .xlsx workbook',
  },
  [ProblemCode.SheetMissing]: {
    kk: '«{sheet}» парағы жоқ',
    ru: 'нет листа «{sheet}»',
    en: 'the workbook has no "{sheet}" sheet',
  },
  [ProblemCode.OutsideGroup]: {
    kk: 'сұрақ «begin group» мен «end group» (бет) арасында тұруы керек',
    ru: 'вопрос должен стоять между «begin group» и «end group» (страница)',
    en: 'the question must stand between "begin group" and "end group" (a page)',
  },
  [ProblemCode.UnknownChoiceList]: {
    kk: '«choices» парағында «{list}» тізімі жоқ',
    ru: 'на листе «choices» нет списка «{list}»',
    en: 'the "choices" sheet has no list "{list}"',
  },
  [ProblemCode.AnswersNotAnObject]: {
    kk: 'жауаптар сұрақ атаулары бойынша берілген нысан болуы керек',
    ru: 'ответы должны быть объектом с именами вопросов в качестве ключей',
    en: 'answers must be an object keyed by question name',
  },
  [ProblemCode.UnknownQuestion]: {
    kk: 'бұл сауалнамада мұндай сұрақ жоқ',
    ru: 'в этой анкете нет такого вопроса',
    en: 'is not a question of this questionnaire',
  },
  [ProblemCode.NotShown]: {
    kk: 'бұл жауаптар кезінде сұрақ көрсетілмейді, сондықтан оған жауап беруге болмайды',
    ru: 'при этих ответах вопрос не показывается, поэтому на него нельзя ответить',
    en: 'is not shown for these answers, so it cannot be answered',
  },
  [ProblemCode.ExpectedNumber]: {
    kk: 'жауап сан болуы керек',
    ru: 'ответ должен быть числом',
    en: 'the answer must be a number',
  },
  [ProblemCode.ExpectedText]: {
    kk: 'жауап мәтін болуы керек',
    ru: 'ответ должен быть текстом',
    en: 'the answer must be text',
  },
  [ProblemCode.ExpectedBoolean]: {
    kk: 'жауап true немесе false болуы керек',
    ru: 'ответ должен быть true или false',
    en: 'the answer must be true or false',
  },
  [ProblemCode.ExpectedList]: {
    kk: 'жауап таңдалған нұсқалар тізімі болуы керек',
    ru: 'ответ должен быть списком выбранных вариантов',
    en: 'the answer must be a list of selected choices',
  },
  [ProblemCode.OutOfRange]: {
    kk: 'жауап {min}-ден {max}-ге дейінгі шкала мәндерінің бірі болуы керек',
    ru: 'ответ должен быть одним из значений шкалы от {min} до {max}',
    en: 'the answer must be one of the scale values from {min} to {max}',
  },
  [ProblemCode.NotAChoice]: {
    kk: 'жауап берілген нұсқалардың бірі емес',
    ru: 'ответ не является одним из вариантов',
    en: 'the answer is not one of the choices',
  },
  [ProblemCode.DuplicateChoice]: {
    kk: 'бір нұсқа бірнеше рет таңдалған',
    ru: 'один вариант выбран более одного раза',
    en: 'a choice is selected more than once',
  },
  [ProblemCode.TooManyChoices]: {
    kk: 'ең көбі {max} нұсқа таңдауға болады',
    ru: 'можно выбрать не более {max} вариантов',
    en: 'at most {max} choices may be selected',
  },
  [ProblemCode.TooLong]: {
    kk: 'мәтін тым ұзын: ең көбі {max} таңба',
    ru: 'текст слишком длинный: не более {max} символов',
    en: 'the text is too long: at most {max} characters',
  },
  [ProblemCode.Required]: {
    kk: 'бұл сұраққа жауап беру міндетті',
    ru: 'на этот вопрос необходимо ответить',
    en: 'an answer is required',
  },
  [ProblemCode.Invalid]: {
    kk: 'жауап тексеруден өтпеді: {message}',
    ru: 'ответ не прошёл проверку: {message}',
    en: 'the answer failed a check: {message}',
  },
};

/** A problem with the English reason filled in; the api localises it by `constraint`. */
export function problem(field: string, code: ProblemCode, params: Record<string, string | number> = {}): FieldProblem {
  return { field, reason: formatText(REASONS[code].en, params), constraint: code, params };
}

export class InstrumentsError extends DomainError<InstrumentsErrorCode> {
  static override readonly reasons: Record<string, LocalizedText> = REASONS;

  static override readonly messages: Record<InstrumentsErrorCode, LocalizedText> = {
    [InstrumentsErrorCode.InstrumentNotFound]: {
      kk: 'Сауалнама табылмады',
      ru: 'Анкета не найдена',
      en: 'No such questionnaire',
    },
    [InstrumentsErrorCode.VersionNotFound]: {
      kk: 'Сауалнаманың мұндай нұсқасы жоқ',
      ru: 'Такой версии анкеты нет',
      en: 'No such version of the questionnaire',
    },
    [InstrumentsErrorCode.InvalidDefinition]: {
      kk: 'Сауалнама анықтамасында қателер бар ({count}); ештеңе сақталмады',
      ru: 'В определении анкеты есть ошибки ({count}); ничего не сохранено',
      en: 'The questionnaire definition has problems ({count}); nothing was saved',
    },
    [InstrumentsErrorCode.InvalidAnswers]: {
      kk: 'Жауаптарда қателер бар ({count})',
      ru: 'В ответах есть ошибки ({count})',
      en: 'The answers have problems ({count})',
    },
    [InstrumentsErrorCode.VersionLocked]: {
      kk: 'Бұл нұсқаны іске қосылған науқан пайдаланады, оны өзгертуге болмайды. Жаңа нұсқа жасаңыз',
      ru: 'Эту версию использует запущенная кампания, её нельзя изменить. Создайте новую версию',
      en: 'A launched campaign uses this version, so it cannot change. Create a new version',
    },
    [InstrumentsErrorCode.KindNotEditableByRole]: {
      kk: 'Сіздің рөліңіз «{kind}» түріндегі сауалнамаларды өңдей алмайды',
      ru: 'Ваша роль не может редактировать анкеты вида «{kind}»',
      en: 'Your role cannot edit questionnaires of kind "{kind}"',
    },
  };
}
