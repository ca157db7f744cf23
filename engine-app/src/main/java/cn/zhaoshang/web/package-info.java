/**
 * The officials' workbench (工作台): server-rendered Chinese pages (Thymeleaf) behind a form login, session and CSRF
 * token (see {@code system.SecurityConfig}). Controllers only read requests and fill models; the rules stay in the
 * feature packages' services, shared with the REST API.
 */
package cn.zhaoshang.web;
