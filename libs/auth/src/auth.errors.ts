import { DomainError, LocalizedText } from '@app/core';

export enum AuthErrorCode {
  InvalidCredentials = 'auth.invalid-credentials',
  NotSignedIn = 'auth.not-signed-in',
  RoleForbidden = 'auth.role-forbidden',
  RouteNotDeclared = 'auth.route-not-declared',
  CsrfTokenInvalid = 'auth.csrf-token-invalid',
  LoginTaken = 'auth.login-taken',
  UserNotFound = 'auth.user-not-found',
  CannotDemoteSelf = 'auth.cannot-demote-self',
  NotAJudgeAccount = 'auth.not-a-judge-account',
  JudgeHasAccount = 'auth.judge-has-account',
}

export class AuthError extends DomainError<AuthErrorCode> {
  static override readonly messages: Record<AuthErrorCode, LocalizedText> = {
    [AuthErrorCode.InvalidCredentials]: {
      kk: 'Логин немесе құпиясөз қате',
      ru: 'Неверный логин или пароль',
      en: 'Wrong login or password',
    },
    [AuthErrorCode.NotSignedIn]: {
      kk: 'Жүйеге кіру қажет',
      ru: 'Необходимо войти в систему',
      en: 'You need to sign in',
    },
    [AuthErrorCode.RoleForbidden]: {
      kk: 'Сіздің рөліңізге бұл әрекетке рұқсат жоқ',
      ru: 'Вашей роли это действие не разрешено',
      en: 'Your role is not allowed to do this',
    },
    [AuthErrorCode.RouteNotDeclared]: {
      kk: 'Бұл мекенжайға ешкімге рұқсат берілмеген',
      ru: 'Доступ к этому адресу никому не разрешён',
      en: 'Nobody is allowed to use this address',
    },
    [AuthErrorCode.CsrfTokenInvalid]: {
      kk: 'Сұрау қорғаныс белгісін (CSRF) растамады. Бетті жаңартыңыз',
      ru: 'Запрос не прошёл проверку защиты (CSRF). Обновите страницу',
      en: 'The request failed its CSRF check. Reload the page',
    },
    [AuthErrorCode.LoginTaken]: {
      kk: '«{login}» логині бос емес',
      ru: 'Логин «{login}» уже занят',
      en: 'The login "{login}" is already taken',
    },
    [AuthErrorCode.UserNotFound]: {
      kk: 'Пайдаланушы табылмады',
      ru: 'Пользователь не найден',
      en: 'No such user',
    },
    [AuthErrorCode.CannotDemoteSelf]: {
      kk: 'Өз әкімші рөліңізді өзгерте алмайсыз',
      ru: 'Нельзя изменить собственную роль администратора',
      en: 'You cannot change your own administrator role',
    },
    [AuthErrorCode.NotAJudgeAccount]: {
      kk: 'Тізілімдегі судьяға тек судья есептік жазбасын байланыстыруға болады',
      ru: 'Связать с судьёй из реестра можно только учётную запись судьи',
      en: 'Only a judge account can be linked to a judge in the register',
    },
    [AuthErrorCode.JudgeHasAccount]: {
      kk: 'Бұл судья басқа есептік жазбаға байланыстырылған: «{login}»',
      ru: 'Этот судья уже связан с другой учётной записью: «{login}»',
      en: 'This judge is already linked to another account: "{login}"',
    },
  };
}
